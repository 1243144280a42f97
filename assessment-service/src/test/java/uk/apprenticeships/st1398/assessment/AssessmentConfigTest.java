package uk.apprenticeships.st1398.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.assessment.config.AssessmentConfig;

@QuarkusTest
class AssessmentConfigTest {

    @Inject
    AssessmentConfig config;

    @Test
    void neighbourUrlsDefaultToTheLocalPorts() {
        assertEquals(URI.create("http://localhost:8081"), config.standardsServiceUrl());
        assertEquals(URI.create("http://localhost:8082"), config.evidenceServiceUrl());
    }
}
