package uk.apprenticeships.st1398.evidence.api;

import static uk.apprenticeships.st1398.evidence.service.EvidencePermissions.XAPI_MAPPINGS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.PermissionsAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.apprenticeships.st1398.evidence.mapping.StampMapper;
import uk.apprenticeships.st1398.evidence.xapi.XapiActorLink;
import uk.apprenticeships.st1398.evidence.xapi.XapiActorLinking;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;

/**
 * Tutors say which xAPI actor of their LMS an apprentice is, for actors that neither a ULN nor a learner reference
 * identifies (an email address, say): docs/xapi.md, "Actor → apprentice".
 */
@Path("/api/v1/apprentices/{id}/xapi-actors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "xAPI Learning Record Store")
@APIResponse(responseCode = "410", description = ApprenticeResource.ERASED)
public class XapiActorLinkResource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = "^[0-9a-f]{24}$";

    private final XapiActorLinking linking;

    public XapiActorLinkResource(XapiActorLinking linking) {
        this.linking = linking;
    }

    @POST
    @PermissionsAllowed(XAPI_MAPPINGS)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Link an xAPI actor to the apprentice",
            description = "The provider's statements about this actor (by mbox, mbox_sha1sum, openid or account"
                    + " name) become the apprentice's: those stored while the actor was unknown are converted now"
                    + " into draft evidence / pending off-the-job entries, later ones on arrival. Replaces the"
                    + " actor's earlier link within the provider.")
    @APIResponse(responseCode = "201", description = "The link")
    @APIResponse(responseCode = "400", description = "The actor is not an xAPI Agent with one identifier")
    @APIResponse(responseCode = "404", description = "No such apprentice of the caller's provider")
    public Response link(
            @PathParam("id")
                    @Pattern(regexp = ID, message = "must be an apprentice id")
                    @Parameter(description = "Apprentice id")
                    String id,
            @Valid @NotNull XapiActorLinkRequest request) {
        XapiActorLink link = linking.link(id, request.actor());
        return Response.status(Response.Status.CREATED).entity(response(link)).build();
    }

    @GET
    @PermissionsAllowed(XAPI_MAPPINGS)
    @Operation(summary = "The apprentice's linked xAPI actors", description = "Paged, by link id.")
    @APIResponse(responseCode = "200", description = "A page of links")
    @APIResponse(responseCode = "404", description = "No such apprentice of the caller's provider")
    public PageResponse<XapiActorLinkResponse> list(
            @PathParam("id")
                    @Pattern(regexp = ID, message = "must be an apprentice id")
                    @Parameter(description = "Apprentice id")
                    String id,
            @Valid @BeanParam PageRequest page) {
        PageResponse<XapiActorLink> found = linking.list(id, page);
        return new PageResponse<>(
                found.items().stream().map(XapiActorLinkResource::response).toList(),
                found.page(),
                found.size(),
                found.totalItems(),
                found.totalPages());
    }

    @DELETE
    @Path("/{linkId}")
    @PermissionsAllowed(XAPI_MAPPINGS)
    @Operation(
            summary = "Unlink an xAPI actor from the apprentice",
            description = "Statements stored from now on about the actor no longer resolve to the apprentice; what"
                    + " was converted stays.")
    @APIResponse(responseCode = "204", description = "Unlinked")
    @APIResponse(responseCode = "404", description = "No such apprentice or link")
    public Response unlink(
            @PathParam("id")
                    @Pattern(regexp = ID, message = "must be an apprentice id")
                    @Parameter(description = "Apprentice id")
                    String id,
            @PathParam("linkId") @Parameter(description = "The link's id") String linkId) {
        linking.unlink(id, linkId);
        return Response.noContent().build();
    }

    private static XapiActorLinkResponse response(XapiActorLink link) {
        Map<String, Object> actor;
        try {
            actor = JSON.readValue(link.actor, new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new XapiActorLinkResponse(
                link.id,
                actor,
                link.actorKey,
                link.apprenticeId.toHexString(),
                link.providerUkprn,
                link.linkedAt,
                StampMapper.toResponse(link.linkedBy));
    }
}
