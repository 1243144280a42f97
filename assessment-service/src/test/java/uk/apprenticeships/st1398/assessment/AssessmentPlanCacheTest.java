package uk.apprenticeships.st1398.assessment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static uk.apprenticeships.st1398.assessment.AssessmentApi.as;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * Assessment plans are read from standards-service once per version while cached (quarkus-cache), and a failure is
 * never cached: the next request asks again.
 */
@QuarkusTest
@QuarkusTestResource(value = StandardsPlanStub.class, restrictToAnnotatedClass = false)
class AssessmentPlanCacheTest {

    private static WireMock standards() {
        URI url = URI.create(ConfigProvider.getConfig().getValue("quarkus.rest-client.standards.url", String.class));
        return new WireMock(url.getHost(), url.getPort());
    }

    /** A standard reference no other test uses, e.g. ST4321. */
    private static String reference() {
        return "ST" + (1000 + Long.parseLong(TestIds.suffix(), 36) % 9000);
    }

    private static io.restassured.response.ValidatableResponse register(String epaoId, String version) {
        return as(Tokens.admin())
                .body(Map.of(
                        "uln",
                        TestIds.uln(),
                        "familyName",
                        "Cache",
                        "standardVersion",
                        version,
                        "providerUkprn",
                        TestIds.ukprn(),
                        "employerId",
                        TestIds.employerId(),
                        "epaoId",
                        epaoId))
                .when()
                .post("/api/v1/assessments")
                .then();
    }

    @Test
    void aPlanIsReadOnceWhileCached() {
        String epaoId = AssessmentApi.freshOrganisation();
        String reference = reference();
        String path = "/api/v1/standards/" + reference + "/versions/1.0/assessment-plan";
        standards()
                .register(get(urlEqualTo(path))
                        .willReturn(okJson(StandardsPlanStub.madeUpPlan().replace("ST9999", reference))));
        register(epaoId, reference + "_1.0").statusCode(201);
        register(epaoId, reference + "_1.0").statusCode(201);
        standards().verifyThat(1, getRequestedFor(urlEqualTo(path)));
    }

    @Test
    void aFailureIsNotCached() {
        String epaoId = AssessmentApi.freshOrganisation();
        String reference = reference();
        String path = "/api/v1/standards/" + reference + "/versions/1.0/assessment-plan";
        // Failing (every read retry included), then, stubbed anew (the newest stub answers), the plan.
        standards().register(get(urlEqualTo(path)).willReturn(aResponse().withStatus(500)));
        register(epaoId, reference + "_1.0")
                .spec(Problems.problem(503, "service-unavailable", "downstream-unavailable"));
        standards()
                .register(get(urlEqualTo(path))
                        .willReturn(okJson(StandardsPlanStub.madeUpPlan().replace("ST9999", reference))));
        register(epaoId, reference + "_1.0").statusCode(201);
    }
}
