package uk.apprenticeships.st1398.platform.problem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place that answers errors in the DfE assessor-service API's form: every problem for a request under
 * {@link #BASE_PATH} (the DfE External API's relative paths, docs/integrators.md) leaves as DfE's
 * {@code {"statusCode": ..., "message": ...}} ({@code application/json}), with the same status, whether a service's
 * {@link ProblemMapper}, a routing handler ({@link HttpProblems}) or the gateway (authentication, rate limit, a
 * service that is down) produced it, and with the status DfE's API answers ({@link #status}). Messages follow what
 * DfE's API puts in front of its controllers, Azure API Management, where it has one (401, 404, 429); a refusal for
 * the caller's role (403, which DfE cannot give: it has no roles) is said in DfE's words about the account
 * ({@link #ROLE_NOT_ALLOWED}); otherwise the problem's own detail.
 */
public final class DfeErrorForm {

    /** The base path of the DfE assessor-service API on this platform. */
    public static final String BASE_PATH = "/assessor-service";

    public static final String MEDIA_TYPE = "application/json";

    /** Azure API Management's words for a missing or rejected subscription key, said of the bearer token instead. */
    public static final String UNAUTHORIZED = "Access denied due to missing or invalid access token. Make sure to "
            + "include a valid bearer token (Authorization: Bearer <token>) when making requests to an API.";

    /** Azure API Management's answer for a path no operation matches. */
    public static final String NOT_FOUND = "Resource not found";

    /**
     * A valid token whose roles may not use the DfE API (an apprentice, tutor, employer...). DfE has no roles: one
     * subscription per assessment organisation, so it never answers this; the words follow its own account message
     * ("Your account is not linked to a valid UKPRN", GetHeadersMiddleware).
     */
    public static final String ROLE_NOT_ALLOWED =
            "Your account is not linked to an end-point assessment organisation, so it cannot use this API";

    private DfeErrorForm() {}

    /**
     * The status DfE's API answers for this problem. A neighbour that is down, too slow or answering improperly
     * (this platform's 502, 503 and 504) is DfE's {@code 500}: DfE's External API calls its internal API with an
     * HttpClient and has no handler that turns that call's failure into anything else (das-assessor-service
     * {@code Api.External/Infrastructure/ApiClient.cs}, {@code Startup.cs}: no exception middleware outside
     * development; its earlier {@code Middleware/ErrorHandlingMiddleware.cs} answered {@code 500} in this form).
     * Every other status is kept; off the DfE paths nothing changes.
     */
    public static int status(Problem problem) {
        int status = problem.getStatus();
        return applies(problem) && (status == 502 || status == 503 || status == 504) ? 500 : status;
    }

    /** Whether a request to this path is answered in DfE's form. */
    public static boolean applies(String path) {
        return path != null && (path.equals(BASE_PATH) || path.startsWith(BASE_PATH + "/"));
    }

    /** Whether this problem is answered in DfE's form (its instance is the request's path). */
    public static boolean applies(Problem problem) {
        return applies(problem.getInstance());
    }

    /** DfE's {@code ApiResponse} for the problem, members in DfE's order. */
    public static Map<String, Object> body(Problem problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statusCode", status(problem));
        body.put("message", message(problem));
        return body;
    }

    static String message(Problem problem) {
        return switch (problem.getStatus()) {
            case 401 -> UNAUTHORIZED;
            case 403 ->
                PlatformError.ROLE_NOT_ALLOWED.code().equals(problem.getCode())
                        ? ROLE_NOT_ALLOWED
                        : problem.getDetail();
            case 404 -> PlatformError.NO_SUCH_ROUTE.code().equals(problem.getCode()) ? NOT_FOUND : problem.getDetail();
            case 429 -> {
                Object seconds = problem.getExtensions() == null
                        ? null
                        : problem.getExtensions().get("retryAfterSeconds");
                yield seconds == null
                        ? "Rate limit is exceeded. Try again later."
                        : "Rate limit is exceeded. Try again in " + seconds + " seconds.";
            }
            default -> problem.getDetail();
        };
    }
}
