package uk.apprenticeships.st1398.gateway;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.gateway.api.GatewayError;
import uk.apprenticeships.st1398.testing.ErrorCatalogue;

/** The gateway's own codes and docs/errors.md's "gateway" table are the same, and each is produced. */
class GatewayErrorCatalogueTest {

    @Test
    void everyGatewayCodeIsDocumentedAndProduced() {
        ErrorCatalogue.check("gateway", GatewayError.class, Path.of("src/main/java"));
    }
}
