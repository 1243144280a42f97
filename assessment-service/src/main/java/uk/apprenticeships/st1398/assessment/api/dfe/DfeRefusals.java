package uk.apprenticeships.st1398.assessment.api.dfe;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import uk.apprenticeships.st1398.assessment.service.DfeService;

/**
 * DfE's {@code {statusCode, message}} answer for a refusal by any resource of the DfE assessor-service API (only the
 * DfE adapter throws {@link DfeService.Refused}; this platform's own API answers RFC 9457 problems).
 */
public class DfeRefusals {

    @ServerExceptionMapper
    public Response refused(DfeService.Refused e) {
        return DfeJson.refused(e);
    }
}
