package uk.apprenticeships.st1398.assessment.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * standards-service, which owns each standard version's assessment plan. Base URL and timeouts are configured under
 * {@code quarkus.rest-client.standards}.
 */
@RegisterRestClient(configKey = "standards")
@Path("/api/v1/standards")
@Produces(MediaType.APPLICATION_JSON)
public interface StandardsClient {

    @GET
    @Path("/{reference}/versions/{version}/assessment-plan")
    AssessmentPlan assessmentPlan(@PathParam("reference") String reference, @PathParam("version") String version);
}
