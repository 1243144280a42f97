package uk.apprenticeships.st1398.assessment.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * evidence-service's provider register ({@code GET /api/v1/providers/{ukprn}}), read with the caller's own token
 * like {@link EvidenceClient}: assessors may read any provider there.
 */
@RegisterRestClient(configKey = "evidence")
@AccessToken
@Path("/api/v1/providers")
@Produces(MediaType.APPLICATION_JSON)
public interface ProviderRegisterClient {

    @GET
    @Path("/{ukprn}")
    Provider provider(@PathParam("ukprn") String ukprn);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Provider(String ukprn, String name) {}
}
