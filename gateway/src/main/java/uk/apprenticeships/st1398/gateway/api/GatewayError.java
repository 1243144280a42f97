package uk.apprenticeships.st1398.gateway.api;

import uk.apprenticeships.st1398.platform.problem.ErrorCode;

/** The gateway's own causes, beyond the platform's shared ones (docs/errors.md, section "gateway"). */
public enum GatewayError implements ErrorCode {
    /** The caller used up its requests for the route group's current window; {@code Retry-After} says when to retry. */
    RATE_LIMITED(429),
    /** The merged OpenAPI document could not be built because a service's own document could not be read. */
    CONTRACT_UNAVAILABLE(503);

    private final int status;

    GatewayError(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
