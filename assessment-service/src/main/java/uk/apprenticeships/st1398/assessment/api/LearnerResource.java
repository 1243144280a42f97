package uk.apprenticeships.st1398.assessment.api;

import io.quarkus.security.PermissionsAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.apprenticeships.st1398.assessment.service.AccessRules;
import uk.apprenticeships.st1398.assessment.service.EpaService;

@Path("/api/v1/learner")
@Produces(MediaType.APPLICATION_JSON)
@PermissionsAllowed(AccessRules.ASSESSMENT_READ)
@Tag(
        name = "DfE learner and EPA",
        description = "Learner and EPA records in the shapes of the DfE assessment "
                + "service API (which keeps the name EPA, end-point assessment, for what this API calls an assessment)")
public class LearnerResource {

    /** A LARS code (digits) or a standard reference. */
    static final String STANDARD = "^(ST\\d{4}|[1-9]\\d{0,5})$";

    private final EpaService service;

    public LearnerResource(EpaService service) {
        this.service = service;
    }

    @GET
    @Path("/{uln}/{familyName}/{standard}")
    @Operation(
            summary = "Get a learner's record on a standard (DfE shape)",
            description = "The learner's assessment registration on the standard (its newest version), EPA details "
                    + "and certificate. The family name is matched case-insensitively; any mismatch, an unknown "
                    + "standard or another tenant's learner answers 404 without saying which. Scoped as assessments: "
                    + "assessors their organisation's, tutors their provider's, employers theirs.")
    @APIResponse(
            responseCode = "200",
            description = "The learner",
            content = @Content(schema = @Schema(implementation = LearnerResponse.class)))
    @APIResponse(responseCode = "404", description = "No such learner on this standard (or not yours)")
    public LearnerResponse getLearner(
            @PathParam("uln")
                    @Pattern(regexp = "^[1-9]\\d{9}$", message = "must be 10 digits, not starting with 0")
                    @Parameter(example = "1234567890")
                    String uln,
            @PathParam("familyName") @Size(min = 1, max = 100) @Parameter(example = "Smith") String familyName,
            @PathParam("standard")
                    @Pattern(regexp = STANDARD, message = "must be a LARS code or look like ST1234")
                    @Parameter(description = "LARS code or standard reference", example = "ST1398")
                    String standard) {
        return service.learner(uln, familyName, standard);
    }
}
