package uk.apprenticeships.st1398.assessment.events;

import uk.apprenticeships.st1398.platform.problem.ErrorCode;

/** The causes of problems of the webhook and event feed endpoints (docs/errors.md, "events"). */
public enum EventError implements ErrorCode {
    EVENT_TYPE_UNKNOWN(400),
    CURSOR_INVALID(400),
    INGEST_SIGNATURE_INVALID(401),
    WEBHOOK_NOT_FOUND(404),
    DELIVERY_NOT_FOUND(404),
    CURSOR_EXPIRED(410),
    WEBHOOK_URL_REFUSED(422),
    WEBHOOK_DISABLED(409);

    private final int status;

    EventError(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
