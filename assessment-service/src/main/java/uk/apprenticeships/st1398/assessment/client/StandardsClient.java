package uk.apprenticeships.st1398.assessment.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * standards-service, which owns each standard version's assessment plan, LARS codes and options. Base URL and
 * timeouts are configured under {@code quarkus.rest-client.standards}.
 */
@RegisterRestClient(configKey = "standards")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface StandardsClient {

    @GET
    @Path("/standards/{reference}/versions/{version}/assessment-plan")
    AssessmentPlan assessmentPlan(@PathParam("reference") String reference, @PathParam("version") String version);

    /** The standards with this LARS code (at most one). */
    @GET
    @Path("/standards")
    CatalogueModels.Page<CatalogueModels.Standard> standardsByLarsCode(@QueryParam("larsCode") int larsCode);

    /** One standard version by key (ST1398_1.0); 404 when unknown. */
    @GET
    @Path("/standard-versions/{key}")
    CatalogueModels.Version version(@PathParam("key") String key);

    /** Versions across standards, ordered by reference then version. */
    @GET
    @Path("/standard-versions")
    CatalogueModels.Page<CatalogueModels.VersionItem> versions(
            @QueryParam("larsCode") Integer larsCode,
            @QueryParam("reference") String reference,
            @QueryParam("page") int page,
            @QueryParam("size") int size);
}
