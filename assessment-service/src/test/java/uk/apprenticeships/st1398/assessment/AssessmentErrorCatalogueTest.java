package uk.apprenticeships.st1398.assessment;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.assessment.config.AssessmentError;
import uk.apprenticeships.st1398.testing.ErrorCatalogue;

/** docs/errors.md lists exactly assessment-service's codes, and each is thrown somewhere. */
class AssessmentErrorCatalogueTest {

    @Test
    void everyCodeIsDocumentedAndUsed() {
        ErrorCatalogue.check("assessment-service", AssessmentError.class, Path.of("src/main/java"));
    }
}
