package uk.apprenticeships.st1398.assessment;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.assessment.events.EventError;
import uk.apprenticeships.st1398.testing.ErrorCatalogue;

/** docs/errors.md lists exactly the event hub's codes, and each is thrown somewhere. */
class EventErrorCatalogueTest {

    @Test
    void everyCodeIsDocumentedAndUsed() {
        ErrorCatalogue.check("events", EventError.class, Path.of("src/main/java"));
    }
}
