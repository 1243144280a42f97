package uk.apprenticeships.st1398.evidence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.create;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.enrol;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.put;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.reflection;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.step;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * KSB coverage per apprentice and per provider cohort. ST1398 2.0 in the stub has five KSBs: K1, K2, S1, S2, B1.
 */
@QuarkusTest
@QuarkusTestResource(value = StandardsServiceStub.class, restrictToAnnotatedClass = false)
class CoverageTest {

    /** Fresh ids for this class's records: the database is shared, so no two test classes meet. */
    static final String EMPLOYER_1 = TestIds.employerId();

    static final String EMPLOYER_2 = TestIds.employerId();
    static final String EMPLOYER_3 = TestIds.employerId();
    static final String EMPLOYER_4 = TestIds.employerId();
    static final String EMPLOYER_5 = TestIds.employerId();
    static final String EMPLOYER_6 = TestIds.employerId();
    static final String EPAO_1 = TestIds.epaoId();
    static final String UKPRN_1 = TestIds.ukprn();
    static final String UKPRN_2 = TestIds.ukprn();
    static final String UKPRN_3 = TestIds.ukprn();
    static final String UKPRN_4 = TestIds.ukprn();
    static final String UKPRN_5 = TestIds.ukprn();
    static final String UKPRN_6 = TestIds.ukprn();
    static final String UKPRN_7 = TestIds.ukprn();
    static final String UKPRN_8 = TestIds.ukprn();
    static final String ULN_1 = TestIds.uln();
    static final String ULN_2 = TestIds.uln();
    static final String ULN_3 = TestIds.uln();
    static final String ULN_4 = TestIds.uln();
    static final String ULN_5 = TestIds.uln();
    static final String ULN_6 = TestIds.uln();
    static final String ULN_7 = TestIds.uln();
    static final String ULN_8 = TestIds.uln();
    static final String ULN_9 = TestIds.uln();
    static final String ULN_10 = TestIds.uln();

    private static ValidatableResponse coverage(String token, String apprenticeId) {
        return given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/apprentices/" + apprenticeId + "/coverage")
                .then();
    }

    private static ValidatableResponse cohort(String token, String ukprn, String query) {
        return given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/providers/" + ukprn + "/coverage?" + query)
                .then();
    }

    /** Creates an item and takes it to accepted; answers the time it was accepted. */
    private static String accepted(String tutor, String apprenticeId, String... codes) {
        String id = create(tutor, apprenticeId, reflection(codes));
        step(tutor, apprenticeId, id, "submit", null).statusCode(200);
        return step(tutor, apprenticeId, id, "accept", null)
                .statusCode(200)
                .extract()
                .path("updatedAt");
    }

    private static String lms(String ukprn) {
        return Tokens.token("lms-" + ukprn, Set.of("lms-integration"), Map.of("provider_ukprn", ukprn));
    }

    @Test
    void apprenticeCoverageMixesAcceptedSubmittedAndDraft() {
        String tutor = Tokens.tutor(UKPRN_1);
        String a = enrol(ULN_1, UKPRN_1, EMPLOYER_1, "ST1398_2.0");
        coverage(tutor, a)
                .statusCode(200)
                .body("percentageCovered", equalTo(0.0f))
                .body("gaps", contains("K1", "K2", "S1", "S2", "B1"));

        accepted(tutor, a, "K1", "S1");
        String latestK1 = accepted(tutor, a, "K1");
        String submitted = create(tutor, a, reflection("S2"));
        step(tutor, a, submitted, "submit", null).statusCode(200);
        create(tutor, a, reflection("K2", "S1"));

        coverage(tutor, a)
                .statusCode(200)
                .body("apprenticeId", equalTo(a))
                .body("standardVersion", equalTo("ST1398_2.0"))
                .body("totalKsbs", equalTo(5))
                .body("coveredKsbs", equalTo(2))
                .body("inProgressKsbs", equalTo(2))
                .body("percentageCovered", equalTo(40.0f))
                .body("gaps", contains("B1"))
                .body("ksbs.code", contains("K1", "K2", "S1", "S2", "B1"))
                .body("ksbs.status", contains("covered", "in-progress", "covered", "in-progress", "gap"))
                .body("ksbs.acceptedEvidenceCount", contains(2, 0, 1, 0, 0))
                .body("ksbs.inProgressEvidenceCount", contains(0, 1, 1, 1, 0))
                .body("ksbs[0].latestAcceptedAt", equalTo(latestK1))
                .body("ksbs[1].latestAcceptedAt", nullValue())
                .body("ksbs[4].latestAcceptedAt", nullValue());

        // Whoever may read the apprentice's evidence may read the coverage; so may their employer, who sees only
        // the evidence they confirm but checks gateway readiness (counts per KSB, no evidence content).
        coverage(Tokens.apprentice(ULN_1, UKPRN_1, EMPLOYER_1), a).statusCode(200);
        coverage(Tokens.employer(EMPLOYER_1), a).statusCode(200).body("coveredKsbs", equalTo(2));
        coverage(lms(UKPRN_1), a).statusCode(200);
        coverage(Tokens.tutor(UKPRN_2), a).spec(Problems.problem(404, "not-found", "apprentice-not-found"));
        coverage(Tokens.employer(EMPLOYER_2), a).spec(Problems.problem(404, "not-found", "apprentice-not-found"));
        coverage(Tokens.assessor(EPAO_1), a).spec(Problems.problem(404, "not-found"));
        coverage(tutor, "not-an-id").spec(Problems.invalid("id"));
        coverage(tutor, "0123456789abcdef01234567").spec(Problems.problem(404, "not-found"));

        // The catalogue is asked for the KSB list: a version it lost or cannot serve is a problem, not 0 %.
        String unreachable = enrol(ULN_2, UKPRN_1, EMPLOYER_1, "ST0503_1.0");
        coverage(tutor, unreachable)
                .spec(Problems.problem(503, "service-unavailable", "downstream-unavailable"))
                .body("downstream", equalTo("standards-service"));
        String missing = enrol(ULN_3, UKPRN_1, EMPLOYER_1, "ST0404_1.0");
        coverage(tutor, missing)
                .spec(Problems.problem(422, "unprocessable", "standard-version-unknown"))
                .body("standardVersion", equalTo("ST0404_1.0"));
    }

    @Test
    void revisingAcceptedEvidenceCountsAsInProgressUntilAcceptedAgain() {
        String tutor = Tokens.tutor(UKPRN_3);
        String a = enrol(ULN_4, UKPRN_3, EMPLOYER_3, "ST1398_2.0");
        String id = create(tutor, a, reflection("B1"));
        step(tutor, a, id, "submit", null).statusCode(200);
        step(tutor, a, id, "accept", null).statusCode(200);
        put(tutor, a, id, reflection("B1", "S2")).statusCode(200).body("status", equalTo("draft"));
        coverage(tutor, a)
                .statusCode(200)
                .body("coveredKsbs", equalTo(0))
                .body("ksbs.status", contains("gap", "gap", "gap", "in-progress", "in-progress"))
                .body("ksbs[4].latestAcceptedAt", nullValue());
        step(tutor, a, id, "submit", null).statusCode(200);
        String again =
                step(tutor, a, id, "accept", null).statusCode(200).extract().path("updatedAt");
        coverage(tutor, a)
                .statusCode(200)
                .body("gaps", contains("K1", "K2", "S1"))
                .body("ksbs.acceptedEvidenceCount", contains(0, 0, 0, 1, 1))
                .body("ksbs[3].latestAcceptedAt", equalTo(again))
                .body("ksbs[4].latestAcceptedAt", equalTo(again));
    }

    @Test
    void cohortCoverageIsPagedAggregatedAndIsolated() {
        String tutor = Tokens.tutor(UKPRN_4);
        String first = enrol(ULN_5, UKPRN_4, EMPLOYER_4, "ST1398_2.0");
        String second = enrol(ULN_6, UKPRN_4, EMPLOYER_4, "ST1398_2.0");
        String third = enrol(ULN_7, UKPRN_4, EMPLOYER_4, "ST1398_2.0");
        String otherVersion = enrol(ULN_8, UKPRN_4, EMPLOYER_4, "ST1398_1.0");
        accepted(tutor, first, "K1", "S1");
        create(tutor, first, reflection("K2"));
        accepted(tutor, second, "K1");
        accepted(tutor, otherVersion, "K1", "K2", "S1");
        String elsewhere = enrol(ULN_9, UKPRN_5, EMPLOYER_5, "ST1398_2.0");
        accepted(Tokens.tutor(UKPRN_5), elsewhere, "B1");

        // ids grow with creation and all share a name, so the order is the creation order.
        cohort(tutor, UKPRN_4, "standardVersion=ST1398_2.0&size=2")
                .statusCode(200)
                .body("providerUkprn", equalTo(UKPRN_4))
                .body("standardVersion", equalTo("ST1398_2.0"))
                .body("totalKsbs", equalTo(5))
                .body("page", equalTo(0))
                .body("size", equalTo(2))
                .body("totalItems", equalTo(3))
                .body("totalPages", equalTo(2))
                .body("items.apprenticeId", contains(first, second))
                .body("items[0].uln", equalTo(ULN_5))
                .body("items[0].givenName", equalTo("Ada"))
                .body("items[0].familyName", equalTo("Evidence"))
                .body("items[0].status", equalTo("active"))
                .body("items.percentageCovered", contains(40.0f, 20.0f))
                .body("items.coveredKsbs", contains(2, 1))
                .body("items.inProgressKsbs", contains(1, 0))
                .body("items.gapCount", contains(2, 4))
                .body("cohort.apprentices", equalTo(3))
                .body("cohort.averagePercentageCovered", equalTo(20.0f))
                .body("cohort.ksbs.code", contains("K1", "K2", "S1", "S2", "B1"))
                .body("cohort.ksbs.apprenticesCovered", contains(2, 0, 1, 0, 0));
        cohort(lms(UKPRN_4), UKPRN_4, "standardVersion=ST1398_2.0&size=2&page=1")
                .statusCode(200)
                .body("items.apprenticeId", contains(third))
                .body("items[0].percentageCovered", equalTo(0.0f))
                .body("items[0].gapCount", equalTo(5))
                .body("cohort.apprentices", equalTo(3));
        cohort(Tokens.admin(), UKPRN_4, "standardVersion=ST1398_2.0&page=5")
                .statusCode(200)
                .body("items", hasSize(0))
                .body("totalItems", equalTo(3));
        cohort(tutor, UKPRN_4, "standardVersion=ST1398_1.0")
                .statusCode(200)
                .body("items.apprenticeId", contains(otherVersion))
                .body("items[0].percentageCovered", equalTo(12.0f))
                .body("cohort.averagePercentageCovered", equalTo(12.0f));
        cohort(tutor, UKPRN_6, "standardVersion=ST1398_2.0").spec(Problems.problem(404, "not-found"));
    }

    @Test
    void cohortTenantsAndBadQueries() {
        String ukprn = UKPRN_7;
        enrol(ULN_10, ukprn, EMPLOYER_6, "ST1398_2.0");
        String query = "standardVersion=ST1398_2.0";
        cohort(Tokens.tutor(UKPRN_8), ukprn, query).spec(Problems.problem(404, "not-found"));
        cohort(lms(UKPRN_8), ukprn, query).spec(Problems.problem(404, "not-found"));
        cohort(Tokens.employer(EMPLOYER_6), ukprn, query).spec(Problems.problem(403, "forbidden"));
        cohort(Tokens.apprentice(ULN_10, ukprn, EMPLOYER_6), ukprn, query).spec(Problems.problem(403, "forbidden"));
        cohort(Tokens.assessor(EPAO_1), ukprn, query).spec(Problems.problem(403, "forbidden"));
        given().when()
                .get("/api/v1/providers/" + ukprn + "/coverage?" + query)
                .then()
                .spec(Problems.problem(401, "unauthorized"));

        String tutor = Tokens.tutor(ukprn);
        cohort(tutor, ukprn, query).statusCode(200).body("totalItems", equalTo(1));
        cohort(tutor, ukprn, "size=20").spec(Problems.invalid("standardVersion"));
        cohort(tutor, ukprn, "standardVersion=ST1398").spec(Problems.invalid("standardVersion"));
        cohort(tutor, ukprn, query + "&size=0").spec(Problems.invalid("size"));
        cohort(tutor, ukprn, query + "&size=101").spec(Problems.invalid("size"));
        cohort(tutor, ukprn, query + "&page=-1").spec(Problems.invalid("page"));
        cohort(Tokens.admin(), "1000005", query).spec(Problems.invalid("ukprn"));
        cohort(tutor, ukprn, "standardVersion=ST0001_1.0")
                .spec(Problems.problem(422, "unprocessable", "standard-version-unknown"));
    }
}
