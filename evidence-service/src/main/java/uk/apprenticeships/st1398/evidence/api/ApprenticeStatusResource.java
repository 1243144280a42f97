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
import uk.apprenticeships.st1398.evidence.service.ApprenticeStatusService;

@Path("/api/v1/apprentices/{id}/status")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Apprentices")
@APIResponse(responseCode = "410", description = ApprenticeResource.ERASED)
public class ApprenticeStatusResource {

    private final ApprenticeStatusService service;

    public ApprenticeStatusResource(ApprenticeStatusService service) {
        this.service = service;
    }

    @POST
    @PermissionsAllowed(APPRENTICE_STATUS)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change an apprentice's status",
            description = "Tutors (their provider's apprentices) and admins. Allowed: active → break-in-learning, "
                    + "withdrawn, completed; break-in-learning → active, withdrawn. Withdrawn and completed are "
                    + "final. The change is added to statusHistory with who and when.")
    @APIResponse(responseCode = "200", description = "The apprentice with the new status and its history")
    @APIResponse(responseCode = "409", description = "Not allowed from the current status (nothing changed)")
    public ApprenticeResponse change(
            @PathParam("id")
                    @Pattern(regexp = ApprenticeResource.ID, message = "must be a 24-character hexadecimal id")
                    @Parameter(description = "Apprentice id", example = "665f1c2e9b1d4a3f8c0e1a2b")
                    String id,
            @NotNull(message = "a JSON body is required") @Valid StatusChangeRequest request) {
        return service.change(id, request);
    }
}
