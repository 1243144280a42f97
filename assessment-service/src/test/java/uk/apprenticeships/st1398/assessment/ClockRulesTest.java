package uk.apprenticeships.st1398.assessment;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static uk.apprenticeships.st1398.assessment.AssessmentApi.as;
import static uk.apprenticeships.st1398.assessment.AssessmentApi.assessor;
import static uk.apprenticeships.st1398.assessment.AssessmentApi.assessorToken;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.TestClock;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * The date rules read "today" from the injected clock, not the system's: with the clock fixed years ahead, a date
 * that is still in the future on the calendar is already in the past for the service, and moving the clock moves
 * the rules. Stamps take their time from the same clock.
 */
@QuarkusTest
@QuarkusTestResource(value = StandardsPlanStub.class, restrictToAnnotatedClass = false)
class ClockRulesTest {

    private static final Instant NOW = Instant.parse("2031-06-15T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2031, 6, 15);
    private static final String ASSESSMENTS = "/api/v1/assessments";

    @Inject
    TestClock clock;

    @BeforeEach
    void fixTheClock() {
        clock.fix(NOW);
    }

    @AfterEach
    void resetTheClock() {
        clock.reset();
    }

    /** An assessment past its gateway on 1 June 2031 with an assigned assessor; answers [id, assessor token]. */
    private static String[] assessed() {
        String epaoId = AssessmentApi.freshOrganisation();
        String user = "clk" + TestIds.suffix();
        String assessorId = assessor(epaoId, user, List.of(), List.of());
        String id = as(Tokens.admin())
                .body(Map.of(
                        "uln",
                        TestIds.uln(),
                        "familyName",
                        "Clock",
                        "standardVersion",
                        "ST1398_1.0",
                        "providerUkprn",
                        TestIds.ukprn(),
                        "employerId",
                        TestIds.employerId(),
                        "epaoId",
                        epaoId,
                        "gatewayDate",
                        "2031-06-01"))
                .when()
                .post(ASSESSMENTS)
                .then()
                .statusCode(201)
                .body("createdAt", startsWith("2031-06-15T09:00"))
                .extract()
                .path("id");
        as(Tokens.admin())
                .body(Map.of("assessorId", assessorId))
                .when()
                .put(ASSESSMENTS + "/" + id + "/assessor")
                .then()
                .statusCode(200);
        return new String[] {id, assessorToken(user, epaoId)};
    }

    @Test
    void anAttemptDatedTomorrowIsRefusedUntilTomorrowComes() {
        String[] fixture = assessed();
        Map<String, Object> attempt = Map.of(
                "methodCode",
                "M1",
                "kind",
                "first",
                "date",
                TODAY.plusDays(1).toString(),
                "grade",
                "Pass",
                "reason",
                "Graded");
        as(fixture[1])
                .body(attempt)
                .when()
                .post(ASSESSMENTS + "/" + fixture[0] + "/attempts")
                .then()
                .spec(Problems.problem(422, "unprocessable", "date-in-future"));
        clock.advance(Duration.ofDays(1));
        as(fixture[1])
                .body(attempt)
                .when()
                .post(ASSESSMENTS + "/" + fixture[0] + "/attempts")
                .then()
                .statusCode(201)
                .body("recordedAt", startsWith("2031-06-16T09:00"));
    }

    @Test
    void aBookingForADayTheClockHasPassedIsRefused() {
        String[] fixture = assessed();
        String bookings = ASSESSMENTS + "/" + fixture[0] + "/bookings";
        // 14 June 2031 is yesterday for the service, whatever the calendar says.
        as(fixture[1])
                .body(Map.of(
                        "methodCode",
                        "M1",
                        "kind",
                        "first",
                        "date",
                        TODAY.minusDays(1).toString()))
                .when()
                .post(bookings)
                .then()
                .spec(Problems.problem(422, "unprocessable", "date-in-past"));
        as(fixture[1])
                .body(Map.of("methodCode", "M1", "kind", "first", "date", TODAY.toString()))
                .when()
                .post(bookings)
                .then()
                .statusCode(201)
                .body("bookedAt", startsWith("2031-06-15T09:00"))
                .body("status", equalTo("booked"));
    }
}
