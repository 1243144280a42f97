package uk.apprenticeships.st1398.evidence.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import uk.apprenticeships.st1398.evidence.client.KsbCatalogue;
import uk.apprenticeships.st1398.platform.problem.ApiException;

/** Refuses KSB codes that are not in a standard version, with the valid ones in the problem (422). */
@ApplicationScoped
public class KsbCheck {

    private final KsbCatalogue ksbs;

    public KsbCheck(KsbCatalogue ksbs) {
        this.ksbs = ksbs;
    }

    /** The codes as stored: each once, sorted; none for null. */
    public static List<String> normalised(List<String> codes) {
        return codes == null ? List.of() : codes.stream().distinct().sorted().toList();
    }

    /** No codes: nothing to check, and standards-service is not asked. */
    public void require(String standardVersion, List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            return;
        }
        Set<String> valid = ksbs.codes(standardVersion);
        List<String> unknown =
                codes.stream().filter(c -> !valid.contains(c)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw ApiException.of(
                            EvidenceError.KSB_CODE_UNKNOWN,
                            "KSB codes " + unknown + " are not in " + standardVersion
                                    + ", the apprentice's standard version; see validKsbCodes.")
                    .with("unknownKsbCodes", unknown)
                    .with("validKsbCodes", List.copyOf(valid));
        }
    }
}
