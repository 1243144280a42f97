package uk.apprenticeships.st1398.evidence.service;

import uk.apprenticeships.st1398.platform.problem.ErrorCode;
import uk.apprenticeships.st1398.platform.problem.ProblemType;

/**
 * Every cause of a problem evidence-service answers with besides the platform's shared ones, one code each;
 * docs/errors.md ({@code ## evidence-service}) lists them, and {@code EvidenceErrorCatalogueTest} keeps the two equal.
 */
public enum EvidenceError implements ErrorCode {
    // 400
    FILE_EMPTY(400),
    XAPI_VERSION_HEADER_INVALID(400),
    XAPI_STATEMENT_INVALID(400, ProblemType.VALIDATION_FAILED),
    XAPI_PARAMETER_INVALID(400, ProblemType.VALIDATION_FAILED),
    XAPI_DOCUMENT_NOT_JSON(400),
    XAPI_ATTACHMENT_INVALID(400, ProblemType.VALIDATION_FAILED),
    XAPI_SIGNATURE_INVALID(400, ProblemType.VALIDATION_FAILED),
    // 401
    XAPI_CREDENTIALS_INVALID(401, ProblemType.UNAUTHORIZED),
    // 403
    WORKFLOW_STEP_FORBIDDEN(403),
    SIGN_OFF_PARTY_FORBIDDEN(403),
    PROGRAMME_CHANGE_FORBIDDEN(403),
    XAPI_WRITE_FORBIDDEN(403),
    XAPI_LEARNER_OF_ANOTHER_PROVIDER(403),
    // 404: also for records of another tenant, so that ids cannot be probed
    APPRENTICE_NOT_FOUND(404),
    PROVIDER_NOT_FOUND(404),
    EVIDENCE_NOT_FOUND(404),
    EVIDENCE_REVISION_NOT_FOUND(404),
    EVIDENCE_FILE_NOT_FOUND(404),
    OFF_THE_JOB_ENTRY_NOT_FOUND(404),
    REVIEW_NOT_FOUND(404),
    XAPI_STATEMENT_NOT_FOUND(404),
    XAPI_CREDENTIAL_NOT_FOUND(404),
    XAPI_DOCUMENT_NOT_FOUND(404),
    XAPI_ACTIVITY_MAPPING_NOT_FOUND(404),
    XAPI_ACTOR_LINK_NOT_FOUND(404),
    // 409
    APPRENTICE_ALREADY_ENROLLED(409),
    LEARNER_REFERENCE_TAKEN(409),
    EXTERNAL_ID_TAKEN(409),
    APPRENTICE_CLOSED(409),
    APPRENTICE_STATUS_CHANGE_NOT_ALLOWED(409),
    APPRENTICE_NOT_CLOSED(409),
    RETENTION_PERIOD_NOT_OVER(409),
    VERSION_MISMATCH(409),
    CONCURRENT_CHANGE(409),
    EVIDENCE_SUBMITTED_LOCKED(409),
    EVIDENCE_FILE_MISSING(409),
    WORKFLOW_STEP_NOT_ALLOWED(409),
    EMPLOYER_CONFIRMATION_NOT_REQUESTED(409),
    EMPLOYER_CONFIRMATION_ALREADY_GIVEN(409),
    EMPLOYER_CONFIRMATION_MISSING(409),
    OFF_THE_JOB_ENTRY_DECIDED(409),
    REVIEW_SIGNED_OFF_FROZEN(409),
    REVIEW_ALREADY_SIGNED(409),
    XAPI_STATEMENT_CONFLICT(409),
    XAPI_DOCUMENT_CONFLICT(409),
    // 410
    APPRENTICE_ERASED(410, ProblemType.ERASED),
    // 412
    XAPI_DOCUMENT_PRECONDITION_FAILED(412),
    // 413, 415, 416
    FILE_TOO_LARGE(413),
    FILE_TYPE_UNSUPPORTED(415),
    FILE_CONTENT_MISMATCH(415),
    RANGE_NOT_SATISFIABLE(416),
    // 422
    KSB_CODE_UNKNOWN(422),
    STANDARD_VERSION_UNKNOWN(422),
    DATE_IN_BREAK_IN_LEARNING(422),
    IDEMPOTENCY_KEY_REUSED(422);

    private final int status;
    private final ProblemType type;

    EvidenceError(int status) {
        this(status, ProblemType.forStatus(status));
    }

    EvidenceError(int status, ProblemType type) {
        this.status = status;
        this.type = type;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public ProblemType type() {
        return type;
    }
}
