package uk.apprenticeships.st1398.platform.problem;

import java.net.URI;

/**
 * The stable problem types every service answers with: one per kind of failure (mostly one per status). The
 * {@code type} URI never changes once published; the finer cause is the problem's {@code code} ({@link ErrorCode}).
 * Documented in {@code docs/errors.md}.
 */
public enum ProblemType {
    VALIDATION_FAILED("validation-failed", "Request validation failed"),
    MALFORMED_REQUEST_BODY("malformed-request-body", "Malformed request body"),
    BAD_REQUEST("bad-request", "Bad request"),
    UNAUTHORIZED("unauthorized", "Authentication required"),
    FORBIDDEN("forbidden", "Not allowed for your role"),
    NOT_FOUND("not-found", "Resource not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", "No acceptable representation"),
    CONFLICT("conflict", "Conflict with the current state"),
    ERASED("erased", "Record erased"),
    PRECONDITION_FAILED("precondition-failed", "Precondition failed"),
    PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large"),
    URI_TOO_LONG("uri-too-long", "Request URI too long"),
    HEADERS_TOO_LARGE("headers-too-large", "Request headers too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type"),
    UNPROCESSABLE("unprocessable", "Request cannot be processed"),
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests"),
    INTERNAL_ERROR("internal-error", "Internal error"),
    BAD_GATEWAY("bad-gateway", "Bad gateway"),
    SERVICE_UNAVAILABLE("service-unavailable", "Service unavailable"),
    GATEWAY_TIMEOUT("gateway-timeout", "Upstream service timed out"),
    HTTP_ERROR("http-error", "HTTP error");

    public static final String BASE_URI = "https://st1398-platform.dev/problems/";

    private final URI uri;
    private final String title;

    ProblemType(String slug, String title) {
        this.uri = URI.create(BASE_URI + slug);
        this.title = title;
    }

    public URI uri() {
        return uri;
    }

    public String title() {
        return title;
    }

    /** The generic type for an HTTP status, used where nothing more specific is known. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 412 -> PRECONDITION_FAILED;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 431 -> HEADERS_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> UNPROCESSABLE;
            case 429 -> TOO_MANY_REQUESTS;
            case 502 -> BAD_GATEWAY;
            case 503 -> SERVICE_UNAVAILABLE;
            case 504 -> GATEWAY_TIMEOUT;
            default -> status >= 500 ? INTERNAL_ERROR : HTTP_ERROR;
        };
    }
}
