package uk.apprenticeships.st1398.assessment.config;

import uk.apprenticeships.st1398.platform.problem.ErrorCode;

/**
 * Every cause of a problem assessment-service answers with, besides the platform's shared ones ({@code
 * PlatformError}). One code per cause, so an integrator tells "resit without the employer's agreement" from "attempt
 * cap reached" by {@code code}, not by prose. The codes that name a rule of the assessment plan keep the values the
 * former {@code rule} member had. docs/errors.md lists each with its meaning (AssessmentErrorCatalogueTest keeps the
 * two equal).
 */
public enum AssessmentError implements ErrorCode {

    // 400: report parameters the resource reads itself
    REPORT_PERIOD_INVALID(400),

    // 403: allowed role, but not this caller's to do
    ORGANISATION_NOT_YOURS(403),
    NOT_ASSIGNED_ASSESSOR(403),
    CONFLICT_NOT_YOURS(403),
    CERTIFICATE_STATUS_ADMIN_ONLY(403),
    GATEWAY_ORGANISATION_ONLY(403),
    GATEWAY_PROVIDER_ONLY(403),
    PORTFOLIO_NOT_READABLE(403),
    NOT_APPROVED_FOR_VERSION(403),

    // 404: absent, or another tenant's
    ASSESSMENT_NOT_FOUND(404),
    ATTEMPT_NOT_FOUND(404),
    BOOKING_NOT_FOUND(404),
    ORGANISATION_NOT_FOUND(404),
    ASSESSOR_NOT_FOUND(404),
    DECLARED_CONFLICT_NOT_FOUND(404),
    CERTIFICATE_NOT_FOUND(404),
    LEARNER_NOT_FOUND(404),
    EPA_RECORD_NOT_FOUND(404),
    STANDARD_NOT_FOUND(404),
    GATEWAY_SUBMISSION_NOT_FOUND(404),
    GATEWAY_COMPONENT_NOT_FOUND(404),
    PROVIDER_NOT_FOUND(404),
    APPRENTICE_NOT_VISIBLE(404),
    APPROVAL_NOT_FOUND(404),

    // 409: conflicts with the current state
    ORGANISATION_EXISTS(409),
    ASSESSOR_EXISTS(409),
    LEARNER_ALREADY_REGISTERED(409),
    ASSESSOR_CONFLICT_OF_INTEREST(409),
    CONFLICT_ALREADY_DECLARED(409),
    CONFLICT_WITH_ASSIGNED_ASSESSMENTS(409),
    FIRST_ATTEMPT_EXISTS(409),
    ALREADY_SUPERSEDED(409),
    NOT_LATEST_ATTEMPT(409),
    BOOKING_ALREADY_OPEN(409),
    BOOKING_ALREADY_CLOSED(409),
    ALREADY_WAIVED(409),
    NOT_WAIVED(409),
    GATEWAY_PASSED(409),
    SUBMISSION_PENDING(409),
    COMPONENT_DECIDED(409),
    SUBMISSION_DECIDED(409),
    EPA_RECORD_EXISTS(409),
    CERTIFICATE_EXISTS(409),
    CONCURRENT_CHANGE(409),
    LEARNER_HAS_CERTIFICATE(409),
    CERTIFICATE_NOT_AMENDABLE(409),
    CERTIFICATE_NOT_SUBMITTABLE(409),
    CERTIFICATE_TRANSITION_REFUSED(409),
    CREDENTIAL_NOT_AVAILABLE(409),
    APPROVAL_EXISTS(409),

    // 422: well-formed, but a rule (mostly of the assessment plan) refuses it
    ORGANISATION_UNKNOWN(422),
    NO_ASSESSMENT_PLAN(422),
    ASSESSOR_NOT_IN_ORGANISATION(422),
    GATEWAY_NOT_PASSED(422),
    UNKNOWN_METHOD(422),
    GRADE_NOT_ALLOWED(422),
    OUTSIDE_ASSESSMENT_PERIOD(422),
    DATE_IN_FUTURE(422),
    DATE_IN_PAST(422),
    KSB_JUDGED_TWICE(422),
    KSB_NOT_ASSESSED_BY_METHOD(422),
    NO_FAILED_ATTEMPT(422),
    BEFORE_PREVIOUS_ATTEMPT(422),
    EMPLOYER_AGREEMENT_REQUIRED(422),
    TOO_MANY_ATTEMPTS(422),
    GRADE_ABOVE_CAP(422),
    BOOKING_NOT_ON_ASSESSMENT(422),
    BOOKING_NOT_OPEN(422),
    BOOKING_MISMATCH(422),
    UNKNOWN_ITEM(422),
    ITEM_NOT_DECLARED(422),
    NOT_READY(422),
    NO_APPRENTICE_LINK(422),
    APPRENTICE_MISMATCH(422),
    EPA_HISTORY(422),
    STANDARD_VERSION_UNKNOWN(422),

    // 502: a neighbour answered something we cannot use
    GRADE_COMBINATION_MISSING(502),
    ASSESSMENT_PLAN_INCOMPLETE(502);

    private final int status;

    AssessmentError(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
