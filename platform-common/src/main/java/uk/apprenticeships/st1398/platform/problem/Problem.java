package uk.apprenticeships.st1398.platform.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem details document. Extension members (for example the list of valid codes when a
 * code is unknown) are written as top-level members, as the RFC describes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "code", "detail", "instance", "requestId", "violations"})
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    private final URI type;
    private final String title;
    private final int status;
    private final String code;
    private final String detail;
    private final String instance;
    private final String requestId;
    private final List<Violation> violations;
    private final Map<String, Object> extensions;

    public Problem(
            ErrorCode code,
            String detail,
            String instance,
            String requestId,
            List<Violation> violations,
            Map<String, Object> extensions) {
        this(code.type(), code.status(), code.code(), detail, instance, requestId, violations, extensions);
    }

    /** A problem with a status other than its code's usual one (e.g. a downstream's 4xx passed on, or a 416). */
    public Problem(
            ProblemType type,
            int status,
            String code,
            String detail,
            String instance,
            String requestId,
            List<Violation> violations,
            Map<String, Object> extensions) {
        this.type = type.uri();
        this.title = type.title();
        this.status = status;
        this.code = code;
        this.detail = detail;
        this.instance = instance;
        this.requestId = requestId;
        this.violations = violations == null || violations.isEmpty() ? null : List.copyOf(violations);
        this.extensions = extensions == null ? Map.of() : new LinkedHashMap<>(extensions);
    }

    public URI getType() {
        return type;
    }

    public String getTitle() {
        return title;
    }

    public int getStatus() {
        return status;
    }

    /** The machine-readable cause, from the service's error catalogue (docs/errors.md). */
    public String getCode() {
        return code;
    }

    public String getDetail() {
        return detail;
    }

    public String getInstance() {
        return instance;
    }

    public String getRequestId() {
        return requestId;
    }

    public List<Violation> getViolations() {
        return violations;
    }

    @JsonAnyGetter
    public Map<String, Object> getExtensions() {
        return extensions;
    }

    /** One invalid input: where it is ({@code field}, a dotted path or a parameter name) and what is wrong. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Violation(String field, String message, Object rejectedValue) {

        public Violation(String field, String message) {
            this(field, message, null);
        }
    }
}
