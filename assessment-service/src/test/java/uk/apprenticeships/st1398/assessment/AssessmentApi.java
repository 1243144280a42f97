package uk.apprenticeships.st1398.assessment;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/** Requests and fixtures the assessment-service tests share. */
final class AssessmentApi {

    private AssessmentApi() {}

    /** A JSON request with the token. */
    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }

    static String assessorToken(String user, String epaoId) {
        return Tokens.token(user, Set.of("assessor"), Map.of("epao_id", epaoId));
    }

    /** Registers an assessment organisation (as admin). */
    static void organisation(String epaoId) {
        as(Tokens.admin())
                .body(Map.of("epaoId", epaoId, "name", "Org " + epaoId))
                .when()
                .post("/api/v1/assessment-organisations")
                .then()
                .statusCode(201);
    }

    /**
     * Registers an assessment organisation with a fresh id ({@link TestIds#epaoId()}; only 10,000 exist and the
     * sequence wraps, so an id already registered is skipped) and answers its id.
     */
    static String freshOrganisation() {
        return freshOrganisation(epaoId -> "Org " + epaoId);
    }

    /** {@link #freshOrganisation()} named {@code name}. */
    static String freshOrganisation(String name) {
        return freshOrganisation(epaoId -> name);
    }

    /** {@link #freshOrganisation()} with the name {@code name} gives its id. */
    static String freshOrganisation(Function<String, String> name) {
        for (int tries = 0; tries < 50; tries++) {
            String epaoId = TestIds.epaoId();
            int status = as(Tokens.admin())
                    .body(Map.of("epaoId", epaoId, "name", name.apply(epaoId)))
                    .when()
                    .post("/api/v1/assessment-organisations")
                    .then()
                    .extract()
                    .statusCode();
            if (status == 201) {
                approve(epaoId, "ST1398_1.0");
                return epaoId;
            }
            if (status != 409) {
                throw new AssertionError("registering " + epaoId + " answered " + status);
            }
        }
        throw new AssertionError("no free assessment organisation id after 50 tries");
    }

    /** Approves the organisation for a standard version (as admin): EPA outcomes and certificates need it. */
    static void approve(String epaoId, String standardVersion) {
        as(Tokens.admin())
                .body(Map.of("standardVersion", standardVersion))
                .when()
                .post("/api/v1/assessment-organisations/" + epaoId + "/standard-versions")
                .then()
                .statusCode(201);
    }

    /**
     * Registers a learner for assessment with the organisation (as admin; gateway passed a month ago) and answers
     * the assessment id. Certificates and EPA records need such a registration in the caller's organisation.
     */
    static String registerLearner(
            String epaoId, String uln, String familyName, String standardVersion, String ukprn, String employerId) {
        return as(Tokens.admin())
                .body(Map.of(
                        "uln",
                        uln,
                        "familyName",
                        familyName,
                        "standardVersion",
                        standardVersion,
                        "providerUkprn",
                        ukprn,
                        "employerId",
                        employerId,
                        "epaoId",
                        epaoId,
                        "gatewayDate",
                        "2025-01-02"))
                .when()
                .post("/api/v1/assessments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** {@link #registerLearner} for ST1398 1.0, family name Smith, a fresh employer. */
    static String registerLearner(String epaoId, String uln, String ukprn) {
        return registerLearner(epaoId, uln, "Smith", "ST1398_1.0", ukprn, TestIds.employerId());
    }

    /** A user name nobody else uses ({@code prefix} and a {@link TestIds#suffix()}): assessors' users are unique. */
    static String freshUser(String prefix) {
        return prefix + "-" + TestIds.suffix();
    }

    /** Registers an assessor (as admin) with declared conflicts; answers its id. */
    static String assessor(String epaoId, String user, List<String> providers, List<String> employers) {
        return as(Tokens.admin())
                .body(Map.of(
                        "userId",
                        user + "-subject",
                        "name",
                        "Assessor " + user,
                        "conflictProviderUkprns",
                        providers,
                        "conflictEmployerIds",
                        employers))
                .when()
                .post("/api/v1/assessment-organisations/" + epaoId + "/assessors")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
