package uk.apprenticeships.st1398.standards;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.standards.config.StandardsError;
import uk.apprenticeships.st1398.testing.ErrorCatalogue;

/** docs/errors.md lists exactly the codes of {@link StandardsError}, and each is used. */
class StandardsErrorCatalogueTest {

    @Test
    void catalogueAndDocsAgree() {
        ErrorCatalogue.check("standards-service", StandardsError.class, Path.of("src/main/java"));
    }
}
