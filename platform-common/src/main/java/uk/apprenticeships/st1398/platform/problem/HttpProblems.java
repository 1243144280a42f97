package uk.apprenticeships.st1398.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import uk.apprenticeships.st1398.platform.http.HttpLimits;
import uk.apprenticeships.st1398.platform.http.RequestIds;

/** Problem documents for failures that happen below the REST layer (routing, body limits, authentication). */
public final class HttpProblems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpProblems() {}

    public static Problem of(int status, RoutingContext ctx) {
        PlatformError code = PlatformError.forStatus(status);
        return new Problem(
                code.type(),
                status,
                code.code(),
                detailFor(status, ctx.request()),
                ctx.request().path(),
                RequestIds.of(ctx),
                null,
                null);
    }

    public static Problem of(ErrorCode code, String detail, RoutingContext ctx) {
        return new Problem(code, detail, ctx.request().path(), RequestIds.of(ctx), null, null);
    }

    public static Problem unauthorized(String instance, String requestId) {
        return new Problem(
                PlatformError.AUTHENTICATION_REQUIRED,
                "A valid bearer token is required: send 'Authorization: Bearer <access token>' from the platform's "
                        + "OpenID Connect provider.",
                instance,
                requestId,
                null,
                null);
    }

    /** The problem's body: RFC 9457, or DfE's form on the DfE API's paths ({@link DfeErrorForm}). */
    public static byte[] json(Problem problem) {
        try {
            return JSON.writeValueAsBytes(DfeErrorForm.applies(problem) ? DfeErrorForm.body(problem) : problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The media type of {@link #json}'s body for this problem. */
    public static String mediaType(Problem problem) {
        return DfeErrorForm.applies(problem) ? DfeErrorForm.MEDIA_TYPE : Problem.MEDIA_TYPE;
    }

    /** The status the problem is answered with: its own, or DfE's on the DfE API's paths ({@link DfeErrorForm}). */
    public static int status(Problem problem) {
        return DfeErrorForm.status(problem);
    }

    /** Writes the problem unless a response has already started. */
    public static void write(RoutingContext ctx, Problem problem) {
        if (ctx.response().headWritten()
                || ctx.response().ended()
                || ctx.response().closed()) {
            return;
        }
        byte[] body = json(problem);
        if (problem.getStatus() == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
        }
        ctx.response()
                .setStatusCode(status(problem))
                .putHeader(HttpHeaders.CONTENT_TYPE, mediaType(problem))
                .end(io.vertx.core.buffer.Buffer.buffer(body));
    }

    static String detailFor(int status, HttpServerRequest request) {
        String method = request == null ? "" : request.method().name();
        String path = request == null ? "" : request.path();
        return switch (status) {
            case 400 -> "The request is not valid.";
            case 404 -> "There is nothing at " + method + " " + path + ". See /q/openapi for the available operations.";
            case 405 -> method + " is not allowed on " + path + ".";
            case 406 -> "None of the media types in the Accept header can be produced here; ask for application/json.";
            case 413 -> "The request body is larger than this endpoint accepts.";
            case 414 ->
                "The request URI is longer than the " + HttpLimits.MAX_URI_LENGTH + " characters accepted; send "
                        + "long filters in a request body or page through smaller requests.";
            case 431 -> "The request headers are larger than accepted.";
            case 415 ->
                "Content type '" + (request == null ? "" : String.valueOf(request.getHeader("Content-Type")))
                        + "' is not supported here; see /q/openapi for what this operation consumes.";
            case 503 -> "The service is not available right now; retry later.";
            case 403 -> "Your token is valid but its roles do not allow this operation.";
            default -> "The request failed with HTTP status " + status + ".";
        };
    }
}
