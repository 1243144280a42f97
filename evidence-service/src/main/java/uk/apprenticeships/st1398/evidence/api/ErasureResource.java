package uk.apprenticeships.st1398.evidence.api;

import static uk.apprenticeships.st1398.evidence.service.EvidencePermissions.*;

import io.quarkus.security.PermissionsAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.apprenticeships.st1398.evidence.service.ErasureService;

@Path("/api/v1/apprentices/{id}/erasure")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit and governance")
public class ErasureResource {

    private final ErasureService service;

    public ErasureResource(ErasureService service) {
        this.service = service;
    }

    @POST
    @PermissionsAllowed(ERASURE_REQUEST)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Erase an apprentice's record on request",
            description = "Admins only. Allowed once the "
                    + "apprentice is completed or withdrawn and the effective date of that change plus the retention period "
                    + "(`evidence.retention.after-completion`, default 6 years) is not after today; otherwise 409 naming "
                    + "`retainUntil` (or the `apprenticeStatus` that blocks it) and nothing changes. Deletes the evidence (all "
                    + "revisions), files, off-the-job entries, reviews and idempotency keys, and leaves a tombstone (id, "
                    + "provider, when, by whom, why). From then on every endpoint of the apprentice answers 410 except the "
                    + "audit trail, which is kept. If an erasure is interrupted, asking again completes it.")
    @APIResponse(responseCode = "200", description = "Erased: the tombstone and what was deleted")
    @APIResponse(
            responseCode = "409",
            description = "Retention does not allow it yet (`retainUntil`), or the "
                    + "apprentice is not completed or withdrawn (`apprenticeStatus`); nothing was changed")
    @APIResponse(responseCode = "410", description = "Already erased")
    public ErasureResponse erase(
            @PathParam("id")
                    @Pattern(regexp = ApprenticeResource.ID, message = EvidenceResource.ID_MESSAGE)
                    @Parameter(description = "Apprentice id")
                    String id,
            @NotNull(message = "a JSON body is required") @Valid ErasureRequest request) {
        return service.erase(id, request.reason());
    }
}
