package uk.apprenticeships.st1398.platform.problem;

import java.util.List;
import java.util.Map;

/**
 * Thrown by the service layer for every expected failure; the problem mapper turns it into a problem
 * response. The message is client-facing: write it for an integrator, never include internals.
 */
public class ApiException extends RuntimeException {

    private final ProblemType type;
    private final int status;
    private final List<Problem.Violation> violations;
    private final Map<String, Object> extensions;

    public ApiException(ProblemType type, int status, String detail, List<Problem.Violation> violations,
            Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.type = type;
        this.status = status;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
        this.extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(ProblemType.NOT_FOUND, 404, detail, null, null);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(ProblemType.CONFLICT, 409, detail, null, null);
    }

    /** A conflict naming the rule or state that refused the request, e.g. {@code Map.of("rule", ...)}. */
    public static ApiException conflict(String detail, Map<String, Object> extensions) {
        return new ApiException(ProblemType.CONFLICT, 409, detail, null, extensions);
    }

    /** The caller is known but their role or tenant does not allow this operation. */
    public static ApiException forbidden(String detail) {
        return new ApiException(ProblemType.FORBIDDEN, 403, detail, null, null);
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(ProblemType.BAD_REQUEST, 400, detail, null, null);
    }

    public static ApiException invalid(String detail, List<Problem.Violation> violations) {
        return new ApiException(ProblemType.VALIDATION_FAILED, 400, detail, violations, null);
    }

    public static ApiException invalid(String field, String message) {
        return invalid(message, List.of(new Problem.Violation(field, message)));
    }

    public static ApiException unprocessable(String detail, Map<String, Object> extensions) {
        return new ApiException(ProblemType.UNPROCESSABLE, 422, detail, null, extensions);
    }

    public static ApiException preconditionFailed(String detail) {
        return new ApiException(ProblemType.PRECONDITION_FAILED, 412, detail, null, null);
    }

    public static ApiException payloadTooLarge(String detail) {
        return new ApiException(ProblemType.PAYLOAD_TOO_LARGE, 413, detail, null, null);
    }

    public ProblemType type() {
        return type;
    }

    public int status() {
        return status;
    }

    public List<Problem.Violation> violations() {
        return violations;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
