package uk.apprenticeships.st1398.platform.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Thrown by the service layer for every expected failure; the problem mapper turns it into a problem response
 * whose status, type and {@code code} come from the {@link ErrorCode}. The message is client-facing: write it for an
 * integrator, never include internals.
 *
 * <pre>{@code
 * throw ApiException.of(EvidenceError.KSB_CODE_UNKNOWN, "K99 is not a KSB of ST1398_1.0.")
 *         .with("validKsbCodes", codes);
 * }</pre>
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final List<Problem.Violation> violations;
    private final Map<String, Object> extensions;

    public ApiException(
            ErrorCode code, String detail, List<Problem.Violation> violations, Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.code = code;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
        this.extensions =
                extensions == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    public static ApiException of(ErrorCode code, String detail) {
        return new ApiException(code, detail, null, null);
    }

    /** A validation problem (400, {@code validation-failed}) naming each invalid field. */
    public static ApiException invalid(String detail, List<Problem.Violation> violations) {
        return new ApiException(PlatformError.VALIDATION_FAILED, detail, violations, null);
    }

    /** A validation problem (400, {@code validation-failed}) for one field. */
    public static ApiException invalid(String field, String message) {
        return invalid(message, List.of(new Problem.Violation(field, message)));
    }

    /** A copy carrying one more extension member (e.g. the valid values when one was unknown). */
    public ApiException with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(member, value);
        return new ApiException(code, getMessage(), violations, more);
    }

    /** A copy carrying these extension members besides its own. */
    public ApiException with(Map<String, ?> members) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.putAll(members);
        return new ApiException(code, getMessage(), violations, more);
    }

    /** A copy naming the invalid fields. */
    public ApiException violations(List<Problem.Violation> fields) {
        return new ApiException(code, getMessage(), fields, extensions);
    }

    public ErrorCode code() {
        return code;
    }

    public ProblemType type() {
        return code.type();
    }

    public int status() {
        return code.status();
    }

    public List<Problem.Violation> violations() {
        return violations;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
