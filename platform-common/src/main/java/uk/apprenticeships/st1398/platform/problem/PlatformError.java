package uk.apprenticeships.st1398.platform.problem;

/**
 * The causes every service and the gateway share: malformed requests, authentication, routing, content
 * negotiation, limits, and failures of the calls between services. Service-specific causes live in each
 * service's own catalogue.
 */
public enum PlatformError implements ErrorCode {
    VALIDATION_FAILED(400, ProblemType.VALIDATION_FAILED),
    MALFORMED_REQUEST_BODY(400, ProblemType.MALFORMED_REQUEST_BODY),
    PARAMETER_INVALID(400, ProblemType.VALIDATION_FAILED),
    HEADER_INVALID(400, ProblemType.BAD_REQUEST),
    AUTHENTICATION_REQUIRED(401, ProblemType.UNAUTHORIZED),
    ROLE_NOT_ALLOWED(403, ProblemType.FORBIDDEN),
    TENANT_CLAIM_MISSING(403, ProblemType.FORBIDDEN),
    NO_SUCH_ROUTE(404, ProblemType.NOT_FOUND),
    METHOD_NOT_ALLOWED(405, ProblemType.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE(406, ProblemType.NOT_ACCEPTABLE),
    PAYLOAD_TOO_LARGE(413, ProblemType.PAYLOAD_TOO_LARGE),
    URI_TOO_LONG(414, ProblemType.URI_TOO_LONG),
    UNSUPPORTED_MEDIA_TYPE(415, ProblemType.UNSUPPORTED_MEDIA_TYPE),
    HEADERS_TOO_LARGE(431, ProblemType.HEADERS_TOO_LARGE),
    HTTP_ERROR(400, ProblemType.HTTP_ERROR),
    INTERNAL_ERROR(500, ProblemType.INTERNAL_ERROR),
    DOWNSTREAM_REJECTED(502, ProblemType.BAD_GATEWAY),
    DOWNSTREAM_UNAVAILABLE(503, ProblemType.SERVICE_UNAVAILABLE),
    DOWNSTREAM_TIMEOUT(504, ProblemType.GATEWAY_TIMEOUT),
    DATABASE_UNAVAILABLE(503, ProblemType.SERVICE_UNAVAILABLE);

    private final int status;
    private final ProblemType type;

    PlatformError(int status, ProblemType type) {
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

    /** The shared code for a status produced below the REST layer (routing, codecs, limits). */
    public static PlatformError forStatus(int status) {
        return switch (status) {
            case 400 -> HEADER_INVALID;
            case 401 -> AUTHENTICATION_REQUIRED;
            case 403 -> ROLE_NOT_ALLOWED;
            case 404 -> NO_SUCH_ROUTE;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 431 -> HEADERS_TOO_LARGE;
            case 502 -> DOWNSTREAM_REJECTED;
            case 503 -> DOWNSTREAM_UNAVAILABLE;
            case 504 -> DOWNSTREAM_TIMEOUT;
            default -> status >= 500 ? INTERNAL_ERROR : HTTP_ERROR;
        };
    }
}
