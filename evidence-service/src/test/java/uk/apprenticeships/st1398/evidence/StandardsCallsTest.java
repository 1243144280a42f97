package uk.apprenticeships.st1398.evidence;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.evidence.client.KsbCatalogue;
import uk.apprenticeships.st1398.evidence.client.OffTheJobRequirements;
import uk.apprenticeships.st1398.evidence.service.EvidenceError;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * Calls to standards-service go through the platform's Downstreams and quarkus-cache: answers are cached per input,
 * "not found" and failures are asked again; an unreachable catalogue answers 503 {@code downstream-unavailable}, a
 * slow one 504 {@code downstream-timeout}, both naming the downstream.
 */
@QuarkusTest
@QuarkusTestResource(value = StandardsServiceStub.class, restrictToAnnotatedClass = false)
class StandardsCallsTest {

    static final LocalDate START = LocalDate.of(2025, 9, 1);
    static final String KSBS = "/api/v1/standards/%s/versions/1.0/ksbs";
    static final String REQUIREMENT = "/api/v1/standards/%s/versions/%s/assessment-plan/off-the-job-requirement";

    @Inject
    KsbCatalogue catalogue;

    @Inject
    OffTheJobRequirements requirements;

    @Inject
    @CacheName("ksb-codes")
    Cache ksbCodes;

    @Inject
    @CacheName("off-the-job-requirements")
    Cache offTheJob;

    @BeforeEach
    void emptyCaches() {
        ksbCodes.invalidateAll().await().indefinitely();
        offTheJob.invalidateAll().await().indefinitely();
    }

    static int calls(RequestPatternBuilder pattern) {
        return StandardsServiceStub.server()
                .countRequestsMatching(pattern.build())
                .getCount();
    }

    @Test
    void ksbCodesAreCachedPerVersionAndAnUnknownVersionIsAskedAgain() {
        int before = calls(getRequestedFor(urlEqualTo("/api/v1/standards/ST1398/versions/2.0/ksbs")));
        assertEquals(5, catalogue.codes("ST1398_2.0").size());
        assertEquals(5, catalogue.codes("ST1398_2.0").size());
        assertEquals(before + 1, calls(getRequestedFor(urlEqualTo("/api/v1/standards/ST1398/versions/2.0/ksbs"))));

        int unknown = calls(getRequestedFor(urlEqualTo(KSBS.formatted("ST0404"))));
        for (int i = 0; i < 2; i++) {
            ApiException e = assertThrows(ApiException.class, () -> catalogue.codes("ST0404_1.0"));
            assertEquals(EvidenceError.STANDARD_VERSION_UNKNOWN, e.code());
        }
        assertEquals(unknown + 2, calls(getRequestedFor(urlEqualTo(KSBS.formatted("ST0404")))));
    }

    @Test
    void requirementsAreCachedPerInputsAndNoPlanIsAskedAgain() {
        String found = REQUIREMENT.formatted("ST1398", "1.0");
        int before = calls(getRequestedFor(urlPathEqualTo(found)));
        assertEquals(
                418,
                requirements
                        .find("ST1398_1.0", START, 104, null)
                        .orElseThrow()
                        .get("minimumHours")
                        .asInt());
        assertEquals(
                418,
                requirements
                        .find("ST1398_1.0", START, 104, null)
                        .orElseThrow()
                        .get("minimumHours")
                        .asInt());
        assertEquals(before + 1, calls(getRequestedFor(urlPathEqualTo(found))));

        String none = REQUIREMENT.formatted("ST1398", "2.0");
        int missing = calls(getRequestedFor(urlPathEqualTo(none)));
        assertTrue(requirements.find("ST1398_2.0", START, 104, null).isEmpty());
        assertTrue(requirements.find("ST1398_2.0", START, 104, null).isEmpty());
        assertEquals(missing + 2, calls(getRequestedFor(urlPathEqualTo(none))));
    }

    @Test
    void anUnreachableCatalogueIs503AndASlowOne504NamingTheDownstream() {
        String ukprn = TestIds.ukprn();
        String tutor = Tokens.tutor(ukprn);
        String down = EvidenceResourceTest.enrol(TestIds.uln(), ukprn, TestIds.employerId(), "ST0503_1.0");
        EvidenceResourceTest.post(tutor, down, EvidenceResourceTest.reflection("K1"))
                .spec(Problems.problem(503, "service-unavailable", "downstream-unavailable"))
                .body("downstream", equalTo("standards-service"));

        String slow = EvidenceResourceTest.enrol(TestIds.uln(), ukprn, TestIds.employerId(), "ST0504_1.0");
        EvidenceResourceTest.post(tutor, slow, EvidenceResourceTest.reflection("K1"))
                .spec(Problems.problem(504, "gateway-timeout", "downstream-timeout"))
                .body("downstream", equalTo("standards-service"));
        OffTheJobResourceTest.summary(tutor, slow).spec(Problems.problem(504, "gateway-timeout", "downstream-timeout"));
    }
}
