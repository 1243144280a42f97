package uk.apprenticeships.st1398.evidence.service;

/**
 * What a caller may do in evidence-service, granted per role by {@link AccessRules}. Resources declare them with
 * {@code @PermissionsAllowed}; services ask {@code caller.may(...)}. The {@code apprentices:*} permissions say whose
 * apprentices a caller sees (its tenant); the {@code view:*} ones which fields of an apprentice it receives.
 */
public final class EvidencePermissions {

    // ------------------------------------------------------------------ whose apprentices (widest first)
    /** Every apprentice (admins). */
    public static final String SEE_ALL = "apprentices:all";
    /** The apprentices of the caller's provider ({@code provider_ukprn}). */
    public static final String SEE_PROVIDER = "apprentices:provider";
    /** The apprentices of the caller's employer ({@code employer_id}). */
    public static final String SEE_EMPLOYER = "apprentices:employer";
    /** Only the caller themself ({@code uln}). */
    public static final String SEE_SELF = "apprentices:self";
    /** The apprentices assigned to the caller's assessment organisation ({@code epao_id}); read only. */
    public static final String SEE_ASSIGNED = "apprentices:assigned";

    // ------------------------------------------------------------------ which fields of an apprentice
    /** The whole apprentice record: date of birth, status-history reasons, contract and leave. */
    public static final String VIEW_FULL = "view:full";
    /** The employer's view: no date of birth (its age at start instead), no status-history reasons. */
    public static final String VIEW_EMPLOYER = "view:employer";

    // ------------------------------------------------------------------ operations
    public static final String APPRENTICE_READ = "apprentice:read";
    /** Enrol and change the programme arrangements. */
    public static final String APPRENTICE_WRITE = "apprentice:write";

    public static final String APPRENTICE_STATUS = "apprentice:status";
    public static final String EVIDENCE_READ = "evidence:read";
    /** Add and change evidence items and their files. */
    public static final String EVIDENCE_WRITE = "evidence:write";

    public static final String EVIDENCE_SUBMIT = "evidence:submit";
    public static final String EVIDENCE_CONFIRM = "evidence:confirm";
    /** Accept or refer back submitted evidence. */
    public static final String EVIDENCE_REVIEW = "evidence:review";

    /** A provider's evidence across its apprentices, e.g. all awaiting review (provider staff, admins). */
    public static final String EVIDENCE_COHORT = "evidence:cohort";

    public static final String COVERAGE_READ = "coverage:read";
    public static final String COHORT_COVERAGE_READ = "coverage:cohort";
    public static final String OTJ_READ = "otj:read";
    /** The off-the-job totals against the required minimum (also for employers' gateway readiness). */
    public static final String OTJ_SUMMARY = "otj:summary";

    /** The off-the-job summaries of all of a provider's apprentices, a page at a time (provider staff, admins). */
    public static final String OTJ_COHORT = "otj:cohort";

    public static final String OTJ_WRITE = "otj:write";
    public static final String OTJ_APPROVE = "otj:approve";
    public static final String REVIEW_READ = "review:read";
    public static final String REVIEW_WRITE = "review:write";
    public static final String REVIEW_SIGN = "review:sign";
    public static final String AUDIT_READ = "audit:read";
    public static final String SUBJECT_ACCESS_EXPORT = "subject-access:export";
    public static final String ERASURE_REQUEST = "erasure:request";

    /** Read the provider's xAPI statements at /xapi (bearer tokens; LMS credentials carry their own scope). */
    public static final String XAPI_READ = "xapi:read";
    /** Send xAPI statements at /xapi. */
    public static final String XAPI_WRITE = "xapi:write";
    /** Issue, list and revoke the provider's LMS credentials for /xapi (key and secret for HTTP Basic). */
    public static final String XAPI_CREDENTIALS = "xapi-credentials:manage";

    /** Map the provider's LMS activities to KSB codes and off-the-job training (docs/xapi.md). */
    public static final String XAPI_MAPPINGS = "xapi-mappings:manage";

    /** Read any provider of the provider register (its UKPRN and name are public register data). */
    public static final String PROVIDER_READ_ANY = "providers:read-any";
    /** Read the caller's own provider (the token's provider_ukprn) in the provider register. */
    public static final String PROVIDER_READ_OWN = "providers:read-own";
    /** Add and rename providers in the provider register. */
    public static final String PROVIDER_WRITE = "providers:write";

    private EvidencePermissions() {}
}
