package uk.apprenticeships.st1398.evidence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.reflection;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.step;
import static uk.apprenticeships.st1398.evidence.OffTheJobResourceTest.approve;
import static uk.apprenticeships.st1398.evidence.OffTheJobResourceTest.create;
import static uk.apprenticeships.st1398.evidence.OffTheJobResourceTest.delete;
import static uk.apprenticeships.st1398.evidence.OffTheJobResourceTest.entry;
import static uk.apprenticeships.st1398.evidence.OffTheJobResourceTest.reject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.TestClock;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * The provider-wide lists behind the dashboard: every apprentice's off-the-job summary, and the provider's evidence
 * (e.g. awaiting review), a page at a time. Their figures must equal the per-apprentice endpoints' for the same data.
 */
@QuarkusTest
@QuarkusTestResource(value = StandardsServiceStub.class, restrictToAnnotatedClass = false)
class ProviderListsTest {

    /** Fresh ids for this class's records: the database is shared, so no two test classes meet. */
    static final String UKPRN_1 = TestIds.ukprn();

    static final String UKPRN_2 = TestIds.ukprn();
    static final String UKPRN_3 = TestIds.ukprn();
    static final String OTHER_UKPRN = TestIds.ukprn();
    static final String EMPLOYER_1 = TestIds.employerId();
    static final String EMPLOYER_2 = TestIds.employerId();
    static final String EMPLOYER_3 = TestIds.employerId();
    static final String EPAO = TestIds.epaoId();

    @Inject
    TestClock clock;

    @AfterEach
    void systemClock() {
        clock.reset();
    }

    static String enrol(
            String ukprn, String employer, String familyName, String version, String start, String plannedEnd) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "uln",
                TestIds.uln(),
                "givenName",
                "Ada",
                "familyName",
                familyName,
                "dateOfBirth",
                "2001-12-10",
                "providerUkprn",
                ukprn,
                "standardVersion",
                version,
                "startDate",
                start,
                "plannedEndDate",
                plannedEnd,
                "employerId",
                employer));
        body.put("assessmentOrganisationId", EPAO);
        return given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(body)
                .when()
                .post("/api/v1/apprentices")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static void withdraw(String apprenticeId) {
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(Map.of("status", "withdrawn", "reason", "Left the employer", "effectiveDate", "2025-12-01"))
                .when()
                .post("/api/v1/apprentices/" + apprenticeId + "/status")
                .then()
                .statusCode(200);
    }

    static ValidatableResponse summaries(String token, String ukprn, String query) {
        return given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/providers/" + ukprn + "/off-the-job-summaries?" + query)
                .then();
    }

    static ValidatableResponse evidence(String token, String ukprn, String query) {
        return given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/providers/" + ukprn + "/evidence?" + query)
                .then();
    }

    static Map<String, Object> perApprenticeSummary(String apprenticeId) {
        return given().auth()
                .oauth2(Tokens.tutor(UKPRN_1))
                .when()
                .get("/api/v1/apprentices/" + apprenticeId + "/off-the-job/summary")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("$");
    }

    static String lms(String ukprn) {
        return Tokens.token("lms-" + ukprn, Set.of("lms-integration"), Map.of("provider_ukprn", ukprn));
    }

    @Test
    void offTheJobSummariesAreThePerApprenticeSummariesPageByPage() {
        String tutor = Tokens.tutor(UKPRN_1);
        // Fixed rule (418 hours), weekly rule (624 hours), no plan (requirement unavailable), and a withdrawn one.
        String fixed = enrol(UKPRN_1, EMPLOYER_1, "Adams", "ST1398_1.0", "2025-09-01", "2027-09-01");
        String weekly = enrol(UKPRN_1, EMPLOYER_1, "Baker", "ST1398_1.0", "2025-03-03", "2027-03-01");
        String noPlan = enrol(UKPRN_1, EMPLOYER_1, "Clark", "ST1398_2.0", "2025-09-01", "2027-09-01");
        String withdrawn = enrol(UKPRN_1, EMPLOYER_1, "Davis", "ST1398_1.0", "2025-09-01", "2027-09-01");
        enrol(OTHER_UKPRN, EMPLOYER_1, "Aaron", "ST1398_1.0", "2025-09-01", "2027-09-01");

        approve(tutor, fixed, create(tutor, fixed, entry("2025-10-06", 7.5))).statusCode(200);
        approve(tutor, fixed, create(tutor, fixed, entry("2025-10-13", 0.75))).statusCode(200);
        create(tutor, fixed, entry("2025-10-20", 6));
        reject(tutor, fixed, create(tutor, fixed, entry("2025-10-27", 5)), "No").statusCode(200);
        delete(tutor, fixed, create(tutor, fixed, entry("2025-11-03", 3))).statusCode(204);
        approve(tutor, weekly, create(tutor, weekly, entry("2025-03-10", 24))).statusCode(200);
        create(tutor, weekly, entry("2025-03-17", 1.25));
        approve(tutor, noPlan, create(tutor, noPlan, entry("2025-10-06", 2, "K1")))
                .statusCode(200);
        approve(tutor, withdrawn, create(tutor, withdrawn, entry("2025-10-06", 4)))
                .statusCode(200);
        withdraw(withdrawn);

        // Every apprentice of the provider, by family name; each summary exactly the per-apprentice one.
        JsonPath all = summaries(tutor, UKPRN_1, "page=0")
                .statusCode(200)
                .body("items.apprenticeId", contains(fixed, weekly, noPlan, withdrawn))
                .body("items.familyName", contains("Adams", "Baker", "Clark", "Davis"))
                .body("items.status", contains("active", "active", "active", "withdrawn"))
                .body("totalItems", equalTo(4))
                .extract()
                .jsonPath();
        List<String> ids = List.of(fixed, weekly, noPlan, withdrawn);
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(perApprenticeSummary(ids.get(i)), all.getMap("items[" + i + "].summary"), ids.get(i));
        }
        summaries(tutor, UKPRN_1, "page=0")
                .body("items[0].summary.approvedHours", equalTo(8.25f))
                .body("items[0].summary.pendingHours", equalTo(6f))
                .body("items[0].summary.requiredHours", equalTo(418))
                .body("items[1].summary.approvedHours", equalTo(24f))
                .body("items[1].summary.pendingHours", equalTo(1.25f))
                .body("items[1].summary.requiredHours", equalTo(624))
                .body("items[2].summary.requiredHours", nullValue())
                .body("items[3].summary.approvedHours", equalTo(4f));

        // In learning only, paged: the same items and figures, a page at a time.
        summaries(lms(UKPRN_1), UKPRN_1, "status=active,break-in-learning&size=2")
                .statusCode(200)
                .body("items.apprenticeId", contains(fixed, weekly))
                .body("page", equalTo(0))
                .body("size", equalTo(2))
                .body("totalItems", equalTo(3))
                .body("totalPages", equalTo(2));
        JsonPath second = summaries(Tokens.admin(), UKPRN_1, "status=active,break-in-learning&size=2&page=1")
                .statusCode(200)
                .body("items.apprenticeId", contains(noPlan))
                .extract()
                .jsonPath();
        assertEquals(perApprenticeSummary(noPlan), second.getMap("items[0].summary"));
        summaries(tutor, UKPRN_1, "status=withdrawn").statusCode(200).body("items.apprenticeId", contains(withdrawn));
        summaries(tutor, UKPRN_1, "status=completed")
                .statusCode(200)
                .body("items", hasSize(0))
                .body("totalItems", equalTo(0))
                .body("totalPages", equalTo(0));
        summaries(tutor, UKPRN_1, "page=9").statusCode(200).body("items", hasSize(0));
    }

    @Test
    void evidenceAwaitingReviewAcrossTheProviderOldestFirst() {
        String tutor = Tokens.tutor(UKPRN_2);
        String employer = Tokens.employer(EMPLOYER_2);
        String a = enrol(UKPRN_2, EMPLOYER_2, "Evans", "ST1398_1.0", "2025-09-01", "2027-09-01");
        String b = enrol(UKPRN_2, EMPLOYER_2, "Foster", "ST1398_1.0", "2025-09-01", "2027-09-01");
        String gone = enrol(UKPRN_2, EMPLOYER_2, "Green", "ST1398_1.0", "2025-09-01", "2027-09-01");
        String other = enrol(OTHER_UKPRN, EMPLOYER_2, "Evans", "ST1398_1.0", "2025-09-01", "2027-09-01");

        clock.fix(Instant.parse("2026-01-05T09:00:00Z"));
        String first = EvidenceResourceTest.create(tutor, a, reflection("K1"));
        Map<String, Object> confirmable = reflection("K2", "S1");
        confirmable.put("employerConfirmationRequired", true);
        String second = EvidenceResourceTest.create(tutor, b, confirmable);
        String third = EvidenceResourceTest.create(tutor, a, reflection("S1"));
        String draft = EvidenceResourceTest.create(tutor, b, reflection("K1"));
        String accepted = EvidenceResourceTest.create(tutor, a, reflection("K2"));
        String closed = EvidenceResourceTest.create(tutor, gone, reflection("K1"));
        EvidenceResourceTest.create(Tokens.tutor(OTHER_UKPRN), other, reflection("K1"));

        clock.fix(Instant.parse("2026-01-06T09:00:00Z"));
        step(tutor, b, second, "submit", null).statusCode(200);
        clock.fix(Instant.parse("2026-01-07T09:00:00Z"));
        step(tutor, a, third, "submit", null).statusCode(200);
        clock.fix(Instant.parse("2026-01-08T09:00:00Z"));
        step(tutor, a, first, "submit", null).statusCode(200);
        step(tutor, a, accepted, "submit", null).statusCode(200);
        step(tutor, a, accepted, "accept", null).statusCode(200);
        step(tutor, gone, closed, "submit", null).statusCode(200);
        clock.reset();
        withdraw(gone);

        String awaiting = "status=submitted&apprenticeStatus=active,break-in-learning";
        evidence(tutor, UKPRN_2, awaiting)
                .statusCode(200)
                .body("items.id", contains(second, third, first))
                .body("items.apprenticeId", contains(b, a, a))
                .body("items.familyName", contains("Foster", "Evans", "Evans"))
                .body("items.ksbCodes", contains(List.of("K2", "S1"), List.of("S1"), List.of("K1")))
                .body("items[0].employerConfirmationRequired", equalTo(true))
                .body("items[0].employerConfirmation", nullValue())
                .body("items[0].submittedAt", equalTo("2026-01-06T09:00:00Z"))
                .body("items[0].updatedAt", equalTo("2026-01-06T09:00:00Z"))
                .body("totalItems", equalTo(3));
        // The same count as the per-apprentice lists of the apprentices in learning.
        int perApprentice = 0;
        for (String id : List.of(a, b)) {
            perApprentice += given().auth()
                    .oauth2(tutor)
                    .when()
                    .get("/api/v1/apprentices/" + id + "/evidence?status=submitted")
                    .then()
                    .statusCode(200)
                    .extract()
                    .<Integer>path("totalItems");
        }
        assertEquals(3, perApprentice);

        // The employer's confirmation is a change: the item moves behind the others, its submission time stays.
        clock.fix(Instant.parse("2026-01-09T09:00:00Z"));
        step(employer, b, second, "confirm", null).statusCode(200);
        clock.reset();
        evidence(lms(UKPRN_2), UKPRN_2, awaiting + "&size=2")
                .statusCode(200)
                .body("items.id", contains(third, first))
                .body("totalItems", equalTo(3))
                .body("totalPages", equalTo(2));
        evidence(Tokens.admin(), UKPRN_2, awaiting + "&size=2&page=1")
                .statusCode(200)
                .body("items.id", contains(second))
                .body("items[0].employerConfirmation.action", equalTo("confirmed"))
                .body("items[0].submittedAt", equalTo("2026-01-06T09:00:00Z"))
                .body("items[0].updatedAt", equalTo("2026-01-09T09:00:00Z"));

        // Without the apprentice filter the withdrawn apprentice's item is there too; other statuses by filter.
        evidence(tutor, UKPRN_2, "status=submitted")
                .statusCode(200)
                .body("items.id", contains(third, first, closed, second));
        evidence(tutor, UKPRN_2, "status=draft").statusCode(200).body("items.id", contains(draft));
        evidence(tutor, UKPRN_2, "status=accepted")
                .statusCode(200)
                .body("items.id", contains(accepted))
                .body("items[0].submittedAt", equalTo("2026-01-08T09:00:00Z"));
        evidence(tutor, UKPRN_2, "page=0").statusCode(200).body("totalItems", equalTo(6));
        evidence(tutor, UKPRN_2, "apprenticeStatus=completed")
                .statusCode(200)
                .body("items", hasSize(0))
                .body("totalItems", equalTo(0));
    }

    @Test
    void anotherProviderOrARoleWithoutTheListGetsNothing() {
        String ukprn = UKPRN_3;
        String a = enrol(ukprn, EMPLOYER_3, "Hughes", "ST1398_1.0", "2025-09-01", "2027-09-01");
        String tutor = Tokens.tutor(ukprn);
        step(tutor, a, EvidenceResourceTest.create(tutor, a, reflection("K1")), "submit", null)
                .statusCode(200);
        List<String> paths = List.of("/off-the-job-summaries", "/evidence?status=submitted");
        for (String path : paths) {
            String url = "/api/v1/providers/" + ukprn + path;
            for (String other : List.of(Tokens.tutor(OTHER_UKPRN), lms(OTHER_UKPRN))) {
                given().auth()
                        .oauth2(other)
                        .when()
                        .get(url)
                        .then()
                        .spec(Problems.problem(404, "not-found", "provider-not-found"));
            }
            for (String refused : List.of(
                    Tokens.employer(EMPLOYER_3),
                    Tokens.apprentice(TestIds.uln(), ukprn, EMPLOYER_3),
                    Tokens.assessor(EPAO))) {
                given().auth().oauth2(refused).when().get(url).then().spec(Problems.problem(403, "forbidden"));
            }
            given().when().get(url).then().spec(Problems.problem(401, "unauthorized"));
            given().auth().oauth2(tutor).when().get(url).then().statusCode(200).body("items.apprenticeId", contains(a));
        }
    }

    @Test
    void badQueriesAreRefusedAndChangeNothing() {
        String ukprn = UKPRN_3;
        String tutor = Tokens.tutor(ukprn);
        String before = snapshot(ukprn);
        List<String[]> bad = new ArrayList<>();
        for (String path : List.of("off-the-job-summaries?", "evidence?")) {
            bad.add(new String[] {path + "size=0", "size"});
            bad.add(new String[] {path + "size=101", "size"});
            bad.add(new String[] {path + "page=-1", "page"});
            bad.add(new String[] {path + "page=x", "page"});
        }
        bad.add(new String[] {"off-the-job-summaries?status=alive", "status"});
        bad.add(new String[] {"off-the-job-summaries?status=active,", "status"});
        bad.add(new String[] {"off-the-job-summaries?status=active;withdrawn", "status"});
        bad.add(new String[] {"evidence?status=pending", "status"});
        bad.add(new String[] {"evidence?status=submitted,accepted", "status"});
        bad.add(new String[] {"evidence?apprenticeStatus=active,,withdrawn", "apprenticeStatus"});
        for (String[] b : bad) {
            given().auth()
                    .oauth2(tutor)
                    .when()
                    .get("/api/v1/providers/" + ukprn + "/" + b[0])
                    .then()
                    .spec(Problems.invalid(b[1]));
        }
        for (String path : List.of("/off-the-job-summaries", "/evidence")) {
            given().auth()
                    .oauth2(Tokens.admin())
                    .when()
                    .get("/api/v1/providers/1000000" + path)
                    .then()
                    .spec(Problems.invalid("ukprn"));
        }
        assertEquals(before, snapshot(ukprn));
    }

    /** Both lists of the provider as the admin sees them. */
    static String snapshot(String ukprn) {
        return summaries(Tokens.admin(), ukprn, "size=100")
                        .statusCode(200)
                        .extract()
                        .asString()
                + evidence(Tokens.admin(), ukprn, "size=100")
                        .statusCode(200)
                        .extract()
                        .asString();
    }
}
