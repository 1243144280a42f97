package uk.apprenticeships.st1398.assessment.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import uk.apprenticeships.st1398.assessment.config.AssessmentConfig;

/** Standard references (STnnnn) and LARS codes, both accepted where the DfE API takes a "standard". */
@ApplicationScoped
public class StandardCodes {

    /** A standard as the DfE API names it; the LARS code is null when none is configured. */
    public record StandardId(Integer larsCode, String reference) {}

    private final Map<String, Integer> larsCodes;

    public StandardCodes(AssessmentConfig config) {
        this.larsCodes = Map.copyOf(config.larsCodes());
    }

    /** The configured LARS code of a standard reference, if any. */
    public Optional<Integer> larsCode(String reference) {
        return Optional.ofNullable(larsCodes.get(reference));
    }

    /** The standard an STnnnn reference or a LARS code names; empty for a LARS code nobody configured. */
    public Optional<StandardId> resolve(String standard) {
        if (standard.startsWith("ST")) {
            return Optional.of(new StandardId(larsCodes.get(standard), standard));
        }
        int code = Integer.parseInt(standard);
        return larsCodes.entrySet().stream()
                .filter(e -> e.getValue() == code)
                .findFirst()
                .map(e -> new StandardId(code, e.getKey()));
    }
}
