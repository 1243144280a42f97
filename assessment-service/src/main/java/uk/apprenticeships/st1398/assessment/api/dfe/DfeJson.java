package uk.apprenticeships.st1398.assessment.api.dfe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import uk.apprenticeships.st1398.assessment.service.DfeService;

/**
 * Reads DfE batch bodies as DfE's API binds them: members it does not know are ignored, and anything that cannot be
 * bound (not JSON, not an array, a wrong type) refuses the whole request with DfE's 403 "invalid input" answer
 * (its {@code InvalidModelStateResponseFactory}), never a problem document.
 */
@ApplicationScoped
public class DfeJson {

    private final ObjectMapper mapper;

    public DfeJson(ObjectMapper mapper) {
        this.mapper = mapper.copy()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
    }

    /** The body as a list of items, or {@link DfeService.Refused} (403 invalid input). */
    public <T> List<T> list(String body, Class<T> item) {
        if (body == null || body.isBlank()) {
            throw new DfeService.Refused(403, DfeService.INVALID_INPUT);
        }
        ObjectReader reader = mapper.readerForListOf(item);
        try {
            List<T> items = reader.readValue(body);
            if (items == null) {
                throw new DfeService.Refused(403, DfeService.INVALID_INPUT);
            }
            return items;
        } catch (JsonProcessingException e) {
            throw new DfeService.Refused(403, DfeService.INVALID_INPUT);
        }
    }

    /** DfE's {@code {statusCode, message}} answer. */
    public static Response refused(DfeService.Refused e) {
        return Response.status(e.status())
                .type(MediaType.APPLICATION_JSON)
                .entity(e.body())
                .build();
    }
}
