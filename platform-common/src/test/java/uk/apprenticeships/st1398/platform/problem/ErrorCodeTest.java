package uk.apprenticeships.st1398.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ErrorCodeTest {

    /** A service catalogue that keeps the default type. */
    enum SampleError implements ErrorCode {
        KSB_CODE_UNKNOWN(422),
        EVIDENCE_ACCEPTED_IMMUTABLE(409);

        private final int status;

        SampleError(int status) {
            this.status = status;
        }

        @Override
        public int status() {
            return status;
        }
    }

    @Test
    void theCodeIsTheConstantInKebabCase() {
        assertEquals("ksb-code-unknown", SampleError.KSB_CODE_UNKNOWN.code());
        assertEquals("evidence-accepted-immutable", SampleError.EVIDENCE_ACCEPTED_IMMUTABLE.code());
        assertEquals("a-b-c", ErrorCode.slug("A_B_C"));
        assertEquals("downstream-timeout", PlatformError.DOWNSTREAM_TIMEOUT.code());
    }

    @Test
    void theTypeDefaultsToTheStatusType() {
        assertEquals(ProblemType.UNPROCESSABLE, SampleError.KSB_CODE_UNKNOWN.type());
        assertEquals(ProblemType.CONFLICT, SampleError.EVIDENCE_ACCEPTED_IMMUTABLE.type());
    }

    @Test
    void platformCodesHaveTheirStatusAndType() {
        assertEquals(400, PlatformError.PARAMETER_INVALID.status());
        assertEquals(ProblemType.VALIDATION_FAILED, PlatformError.PARAMETER_INVALID.type());
        assertEquals(401, PlatformError.AUTHENTICATION_REQUIRED.status());
        assertEquals(ProblemType.UNAUTHORIZED, PlatformError.AUTHENTICATION_REQUIRED.type());
        assertEquals(403, PlatformError.TENANT_CLAIM_MISSING.status());
        assertEquals(414, PlatformError.URI_TOO_LONG.status());
        assertEquals(ProblemType.URI_TOO_LONG, PlatformError.URI_TOO_LONG.type());
        assertEquals(502, PlatformError.DOWNSTREAM_REJECTED.status());
        assertEquals(503, PlatformError.DOWNSTREAM_UNAVAILABLE.status());
        assertEquals(504, PlatformError.DOWNSTREAM_TIMEOUT.status());
    }

    @Test
    void everyPlatformCodeIsDistinctAndItsTypeFitsItsStatus() {
        Set<String> codes = new HashSet<>();
        for (PlatformError error : PlatformError.values()) {
            assertTrue(codes.add(error.code()), error.code());
            if (error != PlatformError.HTTP_ERROR
                    && error != PlatformError.PARAMETER_INVALID
                    && error.type() != ProblemType.VALIDATION_FAILED
                    && error.type() != ProblemType.MALFORMED_REQUEST_BODY
                    && error.type() != ProblemType.BAD_REQUEST) {
                assertEquals(ProblemType.forStatus(error.status()), error.type(), error.name());
            }
        }
    }

    @Test
    void statusesBelowRestGetTheSharedCode() {
        assertEquals(PlatformError.HEADER_INVALID, PlatformError.forStatus(400));
        assertEquals(PlatformError.AUTHENTICATION_REQUIRED, PlatformError.forStatus(401));
        assertEquals(PlatformError.ROLE_NOT_ALLOWED, PlatformError.forStatus(403));
        assertEquals(PlatformError.NO_SUCH_ROUTE, PlatformError.forStatus(404));
        assertEquals(PlatformError.METHOD_NOT_ALLOWED, PlatformError.forStatus(405));
        assertEquals(PlatformError.NOT_ACCEPTABLE, PlatformError.forStatus(406));
        assertEquals(PlatformError.PAYLOAD_TOO_LARGE, PlatformError.forStatus(413));
        assertEquals(PlatformError.URI_TOO_LONG, PlatformError.forStatus(414));
        assertEquals(PlatformError.UNSUPPORTED_MEDIA_TYPE, PlatformError.forStatus(415));
        assertEquals(PlatformError.HEADERS_TOO_LARGE, PlatformError.forStatus(431));
        assertEquals(PlatformError.DOWNSTREAM_REJECTED, PlatformError.forStatus(502));
        assertEquals(PlatformError.DOWNSTREAM_UNAVAILABLE, PlatformError.forStatus(503));
        assertEquals(PlatformError.DOWNSTREAM_TIMEOUT, PlatformError.forStatus(504));
        assertEquals(PlatformError.INTERNAL_ERROR, PlatformError.forStatus(500));
        assertEquals(PlatformError.INTERNAL_ERROR, PlatformError.forStatus(507));
        assertEquals(PlatformError.HTTP_ERROR, PlatformError.forStatus(418));
    }
}
