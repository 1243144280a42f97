package uk.apprenticeships.st1398.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DfE's error form ({@code ApiResponse {statusCode, message}}, das-assessor-service
 * {@code Api.External/Middleware/ApiResponse.cs}), for every problem on the DfE API's paths, and only there.
 */
class DfeErrorFormTest {

    private static Problem problem(ErrorCode code, String detail, String path, Map<String, Object> extensions) {
        return new Problem(code, detail, path, "req-1", null, extensions);
    }

    @Test
    void onlyTheDfeBasePathIsAnsweredInDfesForm() {
        assertTrue(DfeErrorForm.applies("/assessor-service/api/v1/learner/1/B/1"));
        assertTrue(DfeErrorForm.applies("/assessor-service"));
        assertFalse(DfeErrorForm.applies("/assessor-services/x"));
        assertFalse(DfeErrorForm.applies("/api/v1/certificates"));
        assertFalse(DfeErrorForm.applies((String) null));
    }

    @Test
    void aServiceThatIsDownIsDfes500AndSaysWhy() {
        // DfE's External API has no handler for a failed call to its internal API (das-assessor-service
        // Api.External/Startup.cs: no exception middleware outside development; Infrastructure/ApiClient.cs calls it
        // with HttpClient), so the failure is a 500; its Middleware/ErrorHandlingMiddleware.cs wrote that 500 as
        // ApiResponse {statusCode, message}.
        for (PlatformError code : List.of(
                PlatformError.DOWNSTREAM_UNAVAILABLE,
                PlatformError.DOWNSTREAM_TIMEOUT,
                PlatformError.DOWNSTREAM_REJECTED,
                PlatformError.DATABASE_UNAVAILABLE)) {
            Problem down = problem(
                    code,
                    "The assessment service is not available right now; retry later.",
                    "/assessor-service/api/v1/epa",
                    Map.of("downstream", "assessment"));
            assertEquals(500, DfeErrorForm.status(down), code.code());
            assertEquals(500, HttpProblems.status(down), code.code());
            assertEquals(
                    "{\"statusCode\":500,\"message\":\"The assessment service is not available right now; retry later.\"}",
                    new String(HttpProblems.json(down), StandardCharsets.UTF_8));
            assertEquals("application/json", HttpProblems.mediaType(down));
        }
        // Statuses DfE gives itself are kept.
        for (int status : List.of(400, 401, 403, 404, 405, 413, 429, 500)) {
            Problem p = new Problem(
                    ProblemType.forStatus(status), status, "x", "d", "/assessor-service/api/v1/epa", "r", null, null);
            assertEquals(status, DfeErrorForm.status(p));
        }
    }

    @Test
    void aRoleWithoutTheApiIsRefusedInDfesWordsAboutTheAccount() {
        Problem forbidden = problem(
                PlatformError.ROLE_NOT_ALLOWED,
                "Your token is valid but its roles do not allow this operation.",
                "/assessor-service/api/v1/certificate/grades",
                null);
        assertEquals(Map.of("statusCode", 403, "message", DfeErrorForm.ROLE_NOT_ALLOWED), DfeErrorForm.body(forbidden));
        assertEquals(403, HttpProblems.status(forbidden));
        // Off the DfE paths the platform's own problem is untouched.
        Problem mine = problem(
                PlatformError.ROLE_NOT_ALLOWED,
                "Your token is valid but its roles do not allow this operation.",
                "/api/v1/certificates",
                null);
        assertTrue(new String(HttpProblems.json(mine), StandardCharsets.UTF_8)
                .contains("\"detail\":\"Your token is valid but its roles do not allow this operation.\""));
    }

    @Test
    void apiManagementsOwnAnswersFor401And404And429() {
        assertEquals(
                Map.of("statusCode", 401, "message", DfeErrorForm.UNAUTHORIZED),
                DfeErrorForm.body(HttpProblems.unauthorized("/assessor-service/api/v1/epa", "r")));
        assertEquals(
                Map.of("statusCode", 404, "message", "Resource not found"),
                DfeErrorForm.body(
                        problem(PlatformError.NO_SUCH_ROUTE, "There is nothing", "/assessor-service/x", null)));
        Problem limited = new Problem(
                ProblemType.forStatus(429),
                429,
                "rate-limited",
                "More than 3 requests",
                "/assessor-service/api/v1/epa",
                "r",
                null,
                Map.of("retryAfterSeconds", 42L));
        assertEquals(
                "Rate limit is exceeded. Try again in 42 seconds.",
                DfeErrorForm.body(limited).get("message"));
    }

    @Test
    void thisPlatformsOwnPathsKeepProblemDocuments() {
        Problem mine = problem(PlatformError.DOWNSTREAM_UNAVAILABLE, "down", "/api/v1/certificates", null);
        assertEquals(503, HttpProblems.status(mine));
        assertEquals(Problem.MEDIA_TYPE, HttpProblems.mediaType(mine));
        assertTrue(new String(HttpProblems.json(mine), StandardCharsets.UTF_8)
                .contains("\"code\":\"downstream-unavailable\""));
    }
}
