package uk.apprenticeships.st1398.evidence.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * standards-service, which owns the KSBs of each standard version. Base URL and timeouts are configured under
 * {@code quarkus.rest-client.standards}. The body is read as a tree so that both a bare array of KSBs (today) and
 * a page ({@code items}) are understood.
 */
@RegisterRestClient(configKey = "standards")
@Path("/api/v1/standards")
@Produces(MediaType.APPLICATION_JSON)
public interface StandardsClient {

    /** One standard version; only whether it exists (200) or not (404) is used. */
    @GET
    @Path("/{reference}/versions/{version}")
    JsonNode version(@PathParam("reference") String reference, @PathParam("version") String version);

    @GET
    @Path("/{reference}/versions/{version}/ksbs")
    JsonNode ksbs(@PathParam("reference") String reference, @PathParam("version") String version);
}
