package uk.apprenticeships.st1398.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiExceptionTest {

    @Test
    void ofCarriesTheCodeStatusTypeAndDetail() {
        ApiException e = ApiException.of(PlatformError.TENANT_CLAIM_MISSING, "No claim.");
        assertSame(PlatformError.TENANT_CLAIM_MISSING, e.code());
        assertEquals(403, e.status());
        assertEquals(ProblemType.FORBIDDEN, e.type());
        assertEquals("No claim.", e.getMessage());
        assertTrue(e.violations().isEmpty());
        assertTrue(e.extensions().isEmpty());
        assertEquals(0, e.getStackTrace().length, "expected failures need no stack trace");
    }

    @Test
    void withAddsMembersToACopyInOrder() {
        ApiException plain = ApiException.of(PlatformError.DOWNSTREAM_UNAVAILABLE, "Down.");
        ApiException named = plain.with("downstream", "standards-service").with("retryAfterSeconds", 5);
        assertTrue(plain.extensions().isEmpty(), "the original is unchanged");
        assertEquals(
                List.of("downstream", "retryAfterSeconds"),
                List.copyOf(named.extensions().keySet()));
        assertEquals("standards-service", named.extensions().get("downstream"));
        assertSame(PlatformError.DOWNSTREAM_UNAVAILABLE, named.code());
        assertEquals("Down.", named.getMessage());
        ApiException more = named.with(Map.of("validKsbCodes", List.of("K1")));
        assertEquals(3, more.extensions().size());
        assertThrows(
                UnsupportedOperationException.class, () -> more.extensions().put("x", 1));
    }

    @Test
    void violationsNameTheFieldsAndKeepTheMembers() {
        ApiException e = ApiException.of(PlatformError.VALIDATION_FAILED, "Two fields.")
                .with("a", 1)
                .violations(List.of(
                        new Problem.Violation("title", "must not be blank"),
                        new Problem.Violation("level", "must be 2 to 8")));
        assertEquals(2, e.violations().size());
        assertEquals("title", e.violations().get(0).field());
        assertEquals(1, e.extensions().get("a"));
    }

    @Test
    void invalidIsAValidationProblemForOneField() {
        ApiException e = ApiException.invalid("startDate", "must be a real date");
        assertSame(PlatformError.VALIDATION_FAILED, e.code());
        assertEquals(400, e.status());
        assertEquals(List.of(new Problem.Violation("startDate", "must be a real date")), e.violations());
    }

    @Test
    void aProblemFromACodeCarriesIt() {
        Problem p = new Problem(PlatformError.URI_TOO_LONG, "Too long.", "/x", "r1", null, Map.of("limit", 8192));
        assertEquals(414, p.getStatus());
        assertEquals("uri-too-long", p.getCode());
        assertEquals(ProblemType.URI_TOO_LONG.uri(), p.getType());
        assertEquals("Request URI too long", p.getTitle());
        assertEquals(8192, p.getExtensions().get("limit"));
        assertEquals(null, p.getViolations(), "no empty violations list is sent");
    }
}
