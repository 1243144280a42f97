package uk.apprenticeships.st1398.platform.problem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place that answers errors in the DfE assessor-service API's form: every problem for a request under
 * {@link #BASE_PATH} (the DfE External API's relative paths, docs/integrators.md) leaves as DfE's
 * {@code {"statusCode": ..., "message": ...}} ({@code application/json}), with the same status, whether a service's
 * {@link ProblemMapper}, a routing handler ({@link HttpProblems}) or the gateway (authentication, rate limit, a
 * service that is down) produced it. Messages follow what DfE's API puts in front of its controllers, Azure API
 * Management, where it has one (401, 404, 429); otherwise the problem's own detail.
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

    private DfeErrorForm() {}

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
        body.put("statusCode", problem.getStatus());
        body.put("message", message(problem));
        return body;
    }

    static String message(Problem problem) {
        return switch (problem.getStatus()) {
            case 401 -> UNAUTHORIZED;
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
