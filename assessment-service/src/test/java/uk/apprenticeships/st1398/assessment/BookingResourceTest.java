package uk.apprenticeships.st1398.assessment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.apprenticeships.st1398.assessment.AssessmentApi.as;
import static uk.apprenticeships.st1398.assessment.AssessmentApi.assessor;
import static uk.apprenticeships.st1398.assessment.AssessmentApi.assessorToken;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * Bookings of assessment methods: the plan's rules, cancellation, the link to attempts, tenants and roles. Each test
 * uses its own organisations, ULNs, providers and employers from TestIds: the database is shared. Every refused write
 * is followed by a check that nothing changed.
 */
@QuarkusTest
@QuarkusTestResource(value = StandardsPlanStub.class, restrictToAnnotatedClass = false)
class BookingResourceTest {

    private static final String ASSESSMENTS = "/api/v1/assessments";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Inject
    AgroalDataSource database;

    /** The training provider of {@code uln}'s registration: 9 and the ULN's last 7 digits (TestIds ULNs differ). */
    private static String ukprnOf(String uln) {
        return "9" + uln.substring(3);
    }

    /** The employer of {@code uln}'s registration. */
    private static String employerOf(String uln) {
        return "EMP-" + uln;
    }

    /** A registration of {@code uln} with the organisation; gateway null means not passed yet. */
    private static String register(String epaoId, String uln, String version, LocalDate gateway) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "uln",
                uln,
                "familyName",
                "Hopper",
                "standardVersion",
                version,
                "providerUkprn",
                ukprnOf(uln),
                "employerId",
                employerOf(uln),
                "epaoId",
                epaoId));
        if (gateway != null) {
            body.put("gatewayDate", gateway.toString());
        }
        return as(Tokens.admin())
                .body(body)
                .when()
                .post(ASSESSMENTS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A registration with the (registered) organisation and {@code user} registered and assigned as its assessor. */
    private static String assessed(String epaoId, String user, String uln, String version, LocalDate gateway) {
        String assessorId = assessor(epaoId, user, List.of(), List.of());
        String id = register(epaoId, uln, version, gateway);
        as(Tokens.admin())
                .body(Map.of("assessorId", assessorId))
                .when()
                .put(ASSESSMENTS + "/" + id + "/assessor")
                .then()
                .statusCode(200);
        return id;
    }

    private static Map<String, Object> booking(String method, String kind, LocalDate date) {
        return new HashMap<>(Map.of("methodCode", method, "kind", kind, "date", date.toString()));
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    private static ValidatableResponse book(String token, String id, Map<String, Object> body) {
        return as(token)
                .body(body)
                .when()
                .post(ASSESSMENTS + "/" + id + "/bookings")
                .then();
    }

    private static String booked(String token, String id, Map<String, Object> body) {
        return book(token, id, body)
                .statusCode(201)
                .body("status", equalTo("booked"))
                .extract()
                .path("id");
    }

    private static void refused(String token, String id, Map<String, Object> body, int status, String rule) {
        int before = bookingCount(id);
        String slug = switch (status) {
            case 404 -> "not-found";
            case 409 -> "conflict";
            default -> "unprocessable";
        };
        book(token, id, body).spec(Problems.problem(status, slug)).body("code", equalTo(rule));
        assertEquals(before, bookingCount(id), "a refused booking must change nothing");
    }

    private static int bookingCount(String id) {
        return as(Tokens.admin())
                .when()
                .get(ASSESSMENTS + "/" + id + "/bookings")
                .then()
                .statusCode(200)
                .extract()
                .path("totalItems");
    }

    private static ValidatableResponse cancel(String token, String id, String bookingId, Map<String, Object> body) {
        return as(token)
                .body(body)
                .when()
                .post(ASSESSMENTS + "/" + id + "/bookings/" + bookingId + "/cancellation")
                .then();
    }

    private static String read(String id, String bookingId) {
        return as(Tokens.admin())
                .when()
                .get(ASSESSMENTS + "/" + id + "/bookings/" + bookingId)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private static Map<String, Object> attempt(String method, String kind, LocalDate date, String grade) {
        return new HashMap<>(Map.of(
                "methodCode",
                method,
                "kind",
                kind,
                "date",
                date.toString(),
                "grade",
                grade,
                "reason",
                "Observed against the grading criteria"));
    }

    private static ValidatableResponse record(String token, String id, Map<String, Object> body) {
        return as(token)
                .body(body)
                .when()
                .post(ASSESSMENTS + "/" + id + "/attempts")
                .then();
    }

    private static int attemptCount(String id) {
        return as(Tokens.admin())
                .when()
                .get(ASSESSMENTS + "/" + id + "/attempts")
                .then()
                .statusCode(200)
                .extract()
                .path("totalItems");
    }

    @Test
    void st1398BookingsFollowThePlanAndBreakingOneIsRefusedWithItsRule() {
        String epao = AssessmentApi.freshOrganisation();
        String user = "k" + TestIds.suffix();
        String uln = TestIds.uln();
        String id = assessed(epao, user, uln, "ST1398_1.0", TODAY.minusDays(30));
        String assessor = assessorToken(user, epao);
        refused(assessor, id, booking("M9", "first", TODAY.plusDays(5)), 422, "unknown-method");
        book(assessor, id, booking("M9", "first", TODAY.plusDays(5))).body("detail", containsString("[M1, M2]"));
        refused(assessor, id, booking("M1", "first", TODAY.minusDays(1)), 422, "date-in-past");
        // ST1398's period is 4 months from the gateway.
        refused(assessor, id, booking("M1", "first", TODAY.plusMonths(4)), 422, "outside-assessment-period");
        refused(assessor, id, booking("M1", "resit", TODAY.plusDays(5)), 422, "no-failed-attempt");
        refused(assessor, id, booking("M1", "retake", TODAY.plusDays(5)), 422, "no-failed-attempt");
        int before = bookingCount(id);
        book(assessor, id, with(booking("M1", "first", TODAY.plusDays(5)), "mode", "online"))
                .spec(Problems.invalid("mode"));
        book(assessor, id, with(booking("M1", "first", TODAY.plusDays(5)), "startTime", "25:00"))
                .statusCode(400);
        book(assessor, id, Map.of("kind", "first", "date", TODAY.toString())).spec(Problems.invalid("methodCode"));
        assertEquals(before, bookingCount(id));

        Map<String, Object> body = booking("M1", "first", TODAY.plusDays(5));
        body.putAll(
                Map.of("startTime", "09:30", "mode", "on-site", "location", "Room 4, Leeds", "note", "Bring photo ID"));
        io.restassured.response.Response created =
                as(assessor).body(body).when().post(ASSESSMENTS + "/" + id + "/bookings");
        created.then().statusCode(201).header("Location", endsWith("/bookings/" + created.path("id")));
        List<Map<String, Object>> items = as(Tokens.admin())
                .when()
                .get(ASSESSMENTS + "/" + id + "/bookings")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .extract()
                .path("items");
        Map<String, Object> made = items.get(0);
        assertEquals("booked", made.get("status"));
        assertTrue(((String) made.get("startTime")).startsWith("09:30"), "startTime " + made.get("startTime"));
        assertEquals("on-site", made.get("mode"));
        assertEquals("Room 4, Leeds", made.get("location"));
        assertEquals(user + "-subject", made.get("bookedBy"));
        assertEquals(null, made.get("cancelledAt"));
        assertEquals(null, made.get("attemptId"));
        // One open booking per method; the other method is free.
        refused(assessor, id, booking("M1", "first", TODAY.plusDays(6)), 409, "booking-already-open");
        booked(Tokens.admin(), id, booking("M2", "first", TODAY));
    }

    @Test
    void noBookingBeforeTheGatewayIsPassed() {
        String epao = AssessmentApi.freshOrganisation();
        String user = "k" + TestIds.suffix();
        String uln = TestIds.uln();
        String id = register(epao, uln, "ST1398_1.0", null);
        refused(assessorToken(user, epao), id, booking("M1", "first", TODAY.plusDays(5)), 422, "gateway-not-passed");
        refused(Tokens.admin(), id, booking("M1", "first", TODAY.plusDays(5)), 422, "gateway-not-passed");
    }

    @Test
    void resitsAndRetakesNeedAFailTheEmployersAgreementAndRoomUnderTheLimit() {
        String epao = AssessmentApi.freshOrganisation();
        String user = "k" + TestIds.suffix();
        String uln = TestIds.uln();
        String id = assessed(epao, user, uln, "ST1398_1.0", TODAY.minusDays(30));
        String assessor = assessorToken(user, epao);
        record(assessor, id, attempt("M1", "first", TODAY.minusDays(3), "Pass")).statusCode(201);
        record(assessor, id, attempt("M2", "first", TODAY.minusDays(3), "Fail")).statusCode(201);
        // A first attempt exists: no second one can be booked.
        refused(assessor, id, booking("M2", "first", TODAY.plusDays(3)), 409, "first-attempt-exists");
        // M1 was passed: nothing to resit.
        refused(
                assessor,
                id,
                with(booking("M1", "resit", TODAY.plusDays(3)), "employerAgreed", true),
                422,
                "no-failed-attempt");
        // ST1398 needs the employer's agreement to resits and retakes.
        refused(assessor, id, booking("M2", "resit", TODAY.plusDays(3)), 422, "employer-agreement-required");
        refused(assessor, id, booking("M2", "retake", TODAY.plusDays(3)), 422, "employer-agreement-required");
        book(assessor, id, with(booking("M2", "resit", TODAY.plusDays(3)), "employerAgreed", true))
                .statusCode(201)
                .body("employerAgreed", equalTo(true))
                .body("kind", equalTo("resit"));
    }

    @Test
    void aMadeUpPlanBringsItsOwnMethodsAgreementRulesAndLimits() {
        String epao = AssessmentApi.freshOrganisation();
        String user = "k" + TestIds.suffix();
        String uln = TestIds.uln();
        // ST9999: methods PROJECT, TEST, INTERVIEW; six months; resits without agreement, at most 2; retakes with
        // agreement, at most 1.
        String id = assessed(epao, user, uln, "ST9999_1.0", TODAY.minusDays(100));
        String assessor = assessorToken(user, epao);
        refused(assessor, id, booking("M1", "first", TODAY.plusDays(2)), 422, "unknown-method");
        book(assessor, id, booking("M1", "first", TODAY.plusDays(2)))
                .body("detail", containsString("[PROJECT, TEST, INTERVIEW]"));
        refused(
                assessor,
                id,
                booking("PROJECT", "first", TODAY.minusDays(100).plusMonths(6).plusDays(1)),
                422,
                "outside-assessment-period");
        booked(assessor, id, booking("PROJECT", "first", TODAY.minusDays(100).plusMonths(6)));

        record(assessor, id, attempt("TEST", "first", TODAY.minusDays(10), "Fail"))
                .statusCode(201);
        refused(assessor, id, booking("TEST", "retake", TODAY.plusDays(2)), 422, "employer-agreement-required");
        record(assessor, id, with(attempt("TEST", "retake", TODAY.minusDays(5), "Fail"), "employerAgreed", true))
                .statusCode(201);
        // The one retake the plan allows is used up; a resit (no agreement needed here) is still possible.
        refused(
                assessor,
                id,
                with(booking("TEST", "retake", TODAY.plusDays(2)), "employerAgreed", true),
                422,
                "too-many-attempts");
        booked(assessor, id, booking("TEST", "resit", TODAY.plusDays(2)));
        as(Tokens.admin())
                .when()
                .get(ASSESSMENTS + "/" + id + "/bookings?methodCode=TEST")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].kind", equalTo("resit"));
    }

    @Test
    void theBookedAssessorMustBelongToTheOrganisationAndHaveNoConflict() {
        String epao = AssessmentApi.freshOrganisation();
        String other = AssessmentApi.freshOrganisation();
        String user1 = "k" + TestIds.suffix();
        String user2 = "k" + TestIds.suffix();
        String user3 = "k" + TestIds.suffix();
        String user4 = "k" + TestIds.suffix();
        String uln = TestIds.uln();
        String id = register(epao, uln, "ST1398_1.0", TODAY.minusDays(30));
        String conflicted = assessor(epao, user1, List.of(ukprnOf(uln)), List.of());
        String conflictedByEmployer = assessor(epao, user2, List.of(), List.of(employerOf(uln)));
        String elsewhere = assessor(other, user3, List.of(), List.of());
        String free = assessor(epao, user4, List.of(), List.of());
        String admin = Tokens.admin();
        Map<String, Object> body = booking("M1", "first", TODAY.plusDays(7));
        refused(admin, id, with(body, "assessorId", conflicted), 409, "assessor-conflict-of-interest");
        refused(admin, id, with(body, "assessorId", conflictedByEmployer), 409, "assessor-conflict-of-interest");
        refused(admin, id, with(body, "assessorId", elsewhere), 422, "assessor-not-in-organisation");
        book(admin, id, with(body, "assessorId", free)).statusCode(201).body("assessorId", equalTo(free));
    }

    @Test
    void cancellingKeepsTheBookingAndRecordsWhoWhenAndWhy() {
        String epao = AssessmentApi.freshOrganisation();
        String user = "k" + TestIds.suffix();
        String uln = TestIds.uln();
        String id = assessed(epao, user, uln, "ST1398_1.0", TODAY.minusDays(30));
        String assessor = assessorToken(user, epao);
        String bookingId = booked(assessor, id, with(booking("M1", "first", TODAY.plusDays(4)), "note", "Morning"));
        String before = read(id, bookingId);
        cancel(assessor, id, bookingId, Map.of()).spec(Problems.invalid("reason"));
        cancel(assessor, id, bookingId, Map.of("reason", "  ")).spec(Problems.invalid("reason"));
        assertEquals(before, read(id, bookingId), "a refused cancellation must change nothing");

        cancel(assessor, id, bookingId, Map.of("reason", "Apprentice unwell"))
                .statusCode(200)
                .body("status", equalTo("cancelled"))
                .body("cancelledBy", equalTo(user + "-subject"))
                .body("cancellationReason", equalTo("Apprentice unwell"))
                .body("cancelledAt", notNullValue())
                .body("date", equalTo(TODAY.plusDays(4).toString()))
                .body("note", equalTo("Morning"))
                .body("bookedBy", equalTo(user + "-subject"));
        String cancelled = read(id, bookingId);
        cancel(Tokens.admin(), id, bookingId, Map.of("reason", "Again"))
                .spec(Problems.problem(409, "conflict"))
                .body("code", equalTo("booking-already-closed"));
        assertEquals(cancelled, read(id, bookingId), "a refused cancellation must change nothing");

        // Not even the database rewrites a booking or its cancellation.
        for (String update : List.of(
                "booking_date = booking_date + 1",
                "note = 'Afternoon'",
                "cancellation_reason = 'Changed'",
                "cancelled_at = null, cancelled_by = null, "
                        + "cancelled_by_name = null, cancellation_reason = null")) {
            assertThrows(
                    SQLException.class,
                    () -> execute("update assessment_booking set " + update + " where id = '" + bookingId + "'"),
                    update);
        }
        assertEquals(cancelled, read(id, bookingId));

        // Rebooking: a new booking; the cancelled one stays as it was.
        String rebooked = booked(assessor, id, booking("M1", "first", TODAY.plusDays(9)));
        as(Tokens.admin())
                .when()
                .get(ASSESSMENTS + "/" + id + "/bookings?status=cancelled")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].id", equalTo(bookingId));
        as(Tokens.admin())
                .when()
                .get(ASSESSMENTS + "/" + id + "/bookings?status=booked")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].id", equalTo(rebooked));
        as(Tokens.admin())
                .when()
                .get(ASSESSMENTS + "/" + id + "/bookings?status=lost")
                .then()
                .spec(Problems.problem(400, "validation-failed"));
        as(Tokens.admin())
                .when()
                .get(ASSESSMENTS + "/" + id + "/bookings?size=0")
                .then()
                .statusCode(400);
        as(Tokens.admin())
                .when()
                .get(ASSESSMENTS + "/" + id + "/bookings/" + id)
                .then()
                .spec(Problems.problem(404, "not-found"));
        cancel(Tokens.admin(), id, id, Map.of("reason", "No such booking")).spec(Problems.problem(404, "not-found"));
    }

    @Test
    void anAttemptUsesAnOpenMatchingBookingOnceAndMarksItAttended() {
        String epao = AssessmentApi.freshOrganisation();
        String otherEpao = AssessmentApi.freshOrganisation();
        String user = "k" + TestIds.suffix();
        String otherUser = "k" + TestIds.suffix();
        String uln = TestIds.uln();
        String otherUln = TestIds.uln();
        String id = assessed(epao, user, uln, "ST1398_1.0", TODAY.minusDays(30));
        String other = assessed(otherEpao, otherUser, otherUln, "ST1398_1.0", TODAY.minusDays(30));
        String assessor = assessorToken(user, epao);
        String bookingId = booked(assessor, id, booking("M1", "first", TODAY));
        String elsewhere = booked(assessorToken(otherUser, otherEpao), other, booking("M1", "first", TODAY));
        String cancelledId = booked(assessor, id, booking("M2", "first", TODAY));
        cancel(assessor, id, cancelledId, Map.of("reason", "Moved")).statusCode(200);
        String booked = read(id, bookingId);

        Map<String, Object> graded = with(attempt("M1", "first", TODAY, "Pass"), "bookingId", bookingId);
        attemptRefused(assessor, id, with(graded, "date", TODAY.minusDays(1).toString()), "booking-mismatch");
        attemptRefused(
                assessor, id, with(with(graded, "methodCode", "M2"), "bookingId", bookingId), "booking-mismatch");
        attemptRefused(assessor, id, with(graded, "bookingId", elsewhere), "booking-not-on-assessment");
        attemptRefused(
                assessor, id, with(with(graded, "methodCode", "M2"), "bookingId", cancelledId), "booking-not-open");
        assertEquals(booked, read(id, bookingId), "a refused attempt must leave the booking open");

        String attemptId =
                record(assessor, id, graded).statusCode(201).extract().path("id");
        as(Tokens.admin())
                .when()
                .get(ASSESSMENTS + "/" + id + "/bookings/" + bookingId)
                .then()
                .statusCode(200)
                .body("status", equalTo("attended"))
                .body("attemptId", equalTo(attemptId))
                .body("cancelledAt", nullValue());
        // The attended booking cannot be used again, nor cancelled.
        attemptRefused(
                assessor, id, with(attempt("M2", "first", TODAY, "Pass"), "bookingId", bookingId), "booking-not-open");
        cancel(assessor, id, bookingId, Map.of("reason", "Too late"))
                .spec(Problems.problem(409, "conflict"))
                .body("code", equalTo("booking-already-closed"));
        as(Tokens.admin())
                .when()
                .get(ASSESSMENTS + "/" + id + "/bookings?status=attended")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].id", equalTo(bookingId));
        // Attempts without a booking stay valid.
        record(assessor, id, attempt("M2", "first", TODAY, "Pass")).statusCode(201);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private static void attemptRefused(String token, String id, Map<String, Object> body, String rule) {
        int before = attemptCount(id);
        record(token, id, body).spec(Problems.problem(422, "unprocessable")).body("code", equalTo(rule));
        assertEquals(before, attemptCount(id), "a refused attempt must change nothing");
    }

    @Test
    void readersOfTheAssessmentReadBookingsOnlyAdminsAndItsAssessorsWriteForeignIs404() {
        String epao = AssessmentApi.freshOrganisation();
        String other = AssessmentApi.freshOrganisation();
        String user = "k" + TestIds.suffix();
        String otherUser = "k" + TestIds.suffix();
        String colleague = "k" + TestIds.suffix();
        String uln = TestIds.uln();
        String id = assessed(epao, user, uln, "ST1398_1.0", TODAY.minusDays(30));
        String bookingId = booked(assessorToken(user, epao), id, booking("M1", "first", TODAY.plusDays(2)));
        String one = ASSESSMENTS + "/" + id + "/bookings/" + bookingId;
        String foreign = assessorToken(otherUser, other);
        String before = read(id, bookingId);
        // Foreign tenants: 404, as if absent.
        for (String token : List.of(foreign, Tokens.tutor(TestIds.ukprn()), Tokens.employer(TestIds.employerId()))) {
            as(token).when().get(ASSESSMENTS + "/" + id + "/bookings").then().spec(Problems.problem(404, "not-found"));
            as(token).when().get(one).then().spec(Problems.problem(404, "not-found"));
        }
        refused(foreign, id, booking("M2", "first", TODAY.plusDays(2)), 404, "assessment-not-found");
        cancel(foreign, id, bookingId, Map.of("reason", "Not mine")).spec(Problems.problem(404, "not-found"));
        // Readers of the assessment read its bookings.
        for (String token : List.of(
                Tokens.tutor(ukprnOf(uln)),
                Tokens.employer(employerOf(uln)),
                Tokens.token("regulator1", "regulator"),
                assessorToken(colleague, epao))) {
            as(token).when().get(one).then().statusCode(200).body("id", equalTo(bookingId));
            as(token)
                    .when()
                    .get(ASSESSMENTS + "/" + id + "/bookings")
                    .then()
                    .statusCode(200)
                    .body("totalItems", equalTo(1));
        }
        // ...but only admins and the organisation's assessors book and cancel.
        for (String token : List.of(
                Tokens.tutor(ukprnOf(uln)),
                Tokens.employer(employerOf(uln)),
                Tokens.token("regulator1", "regulator"))) {
            int count = bookingCount(id);
            book(token, id, booking("M2", "first", TODAY.plusDays(2))).spec(Problems.problem(403, "forbidden"));
            assertEquals(count, bookingCount(id));
            cancel(token, id, bookingId, Map.of("reason", "Not allowed")).spec(Problems.problem(403, "forbidden"));
        }
        assertEquals(before, read(id, bookingId), "refused cancellations must change nothing");
        given().when().get(one).then().statusCode(401);
    }
}
