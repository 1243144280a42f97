package uk.apprenticeships.st1398.evidence.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The assessment plans of standards-service (same base URL and timeouts as {@link StandardsClient}, configured
 * under {@code quarkus.rest-client.standards}). Null query parameters are left out of the request.
 */
@RegisterRestClient(configKey = "standards")
@Path("/api/v1/standards")
@Produces(MediaType.APPLICATION_JSON)
public interface AssessmentPlanClient {

    @GET
    @Path("/{reference}/versions/{version}/assessment-plan/off-the-job-requirement")
    JsonNode offTheJobRequirement(
            @PathParam("reference") String reference,
            @PathParam("version") String version,
            @QueryParam("startDate") String startDate,
            @QueryParam("plannedWeeks") Integer plannedWeeks,
            @QueryParam("weeklyContractedHours") BigDecimal weeklyContractedHours);
}
