package uk.apprenticeships.st1398.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
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
    void aServiceThatIsDownKeepsItsStatusAndSaysWhy() {
        Problem down = problem(
                PlatformError.DOWNSTREAM_UNAVAILABLE,
                "The assessment service is not available right now; retry later.",
                "/assessor-service/api/v1/epa",
                Map.of("downstream", "assessment"));
        assertEquals(
                "{\"statusCode\":503,\"message\":\"The assessment service is not available right now; retry later.\"}",
                new String(HttpProblems.json(down), StandardCharsets.UTF_8));
        assertEquals("application/json", HttpProblems.mediaType(down));
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
        assertEquals(Problem.MEDIA_TYPE, HttpProblems.mediaType(mine));
        assertTrue(new String(HttpProblems.json(mine), StandardCharsets.UTF_8)
                .contains("\"code\":\"downstream-unavailable\""));
    }
}
