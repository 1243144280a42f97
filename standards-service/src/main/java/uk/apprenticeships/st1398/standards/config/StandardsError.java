package uk.apprenticeships.st1398.standards.config;

import uk.apprenticeships.st1398.platform.problem.ErrorCode;
import uk.apprenticeships.st1398.platform.problem.ProblemType;

/** Why standards-service refuses a request, besides the platform's shared causes; listed in docs/errors.md. */
public enum StandardsError implements ErrorCode {
    STANDARD_NOT_FOUND(404),
    VERSION_NOT_FOUND(404),
    KSB_NOT_FOUND(404),
    PLAN_NOT_FOUND(404),
    OFF_THE_JOB_RULE_NOT_FOUND(404),
    FRAMEWORK_ITEM_NOT_FOUND(404),
    REFERENCE_EXISTS(409),
    VERSION_ALREADY_APPROVED(409),
    PLAN_CHANGED(412),
    PLAN_INVALID(400, ProblemType.VALIDATION_FAILED),
    FEED_MALFORMED(400, ProblemType.MALFORMED_REQUEST_BODY),
    FEED_INCONSISTENT(422);

    private final int status;
    private final ProblemType type;

    StandardsError(int status) {
        this(status, ProblemType.forStatus(status));
    }

    StandardsError(int status, ProblemType type) {
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
