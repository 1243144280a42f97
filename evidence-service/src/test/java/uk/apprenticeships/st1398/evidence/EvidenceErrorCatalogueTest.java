package uk.apprenticeships.st1398.evidence;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.evidence.service.EvidenceError;
import uk.apprenticeships.st1398.testing.ErrorCatalogue;

/** Every code of EvidenceError is documented in docs/errors.md with its status, and thrown somewhere. */
class EvidenceErrorCatalogueTest {

    @Test
    void docsAndCatalogueAgree() {
        ErrorCatalogue.check("evidence-service", EvidenceError.class, Path.of("src/main/java"));
    }
}
