package uk.apprenticeships.st1398.evidence.api;

import static uk.apprenticeships.st1398.evidence.service.EvidencePermissions.*;

import io.quarkus.security.PermissionsAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.apprenticeships.st1398.evidence.service.CoverageService;

@Path("/api/v1/apprentices/{id}/coverage")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Coverage",
        description =
                "How far evidence covers the KSBs of a standard version, per apprentice and " + "per provider cohort")
@APIResponse(responseCode = "410", description = ApprenticeResource.ERASED)
public class ApprenticeCoverageResource {

    private final CoverageService service;

    public ApprenticeCoverageResource(CoverageService service) {
        this.service = service;
    }

    @GET
    @PermissionsAllowed(COVERAGE_READ)
    @Operation(
            summary = "Get an apprentice's KSB coverage",
            description = "Every KSB of the apprentice's standard version (from the standards catalogue) with its "
                    + "accepted evidence count, latest acceptance and status (covered, in-progress, gap), the "
                    + "percentage covered and the gaps. Same visibility as the apprentice.")
    @APIResponse(responseCode = "200", description = "The coverage")
    @APIResponse(responseCode = "422", description = "The apprentice's standard version is no longer in the catalogue")
    @APIResponse(responseCode = "503", description = "The standards catalogue cannot be reached")
    @APIResponse(responseCode = "504", description = "standards-service did not answer in time (downstream-timeout)")
    public ApprenticeCoverageResponse get(
            @PathParam("id")
                    @Pattern(regexp = ApprenticeResource.ID, message = "must be a 24-character hexadecimal id")
                    @Parameter(description = "Apprentice id", example = "665f1c2e9b1d4a3f8c0e1a2b")
                    String id) {
        return service.forApprentice(id);
    }
}
