package uk.apprenticeships.st1398.assessment.api.dfe;

import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.apprenticeships.st1398.assessment.service.AccessRules;
import uk.apprenticeships.st1398.assessment.service.DfeService;

/** DfE's {@code api/v1/learner} (LearnerController), under this platform's DfE base path. */
@Path(DfeEpaResource.BASE + "/learner")
@Produces(MediaType.APPLICATION_JSON)
@PermissionsAllowed(AccessRules.EPA_WRITE)
@Tag(name = "DfE assessor-service API", description = DfeEpaResource.TAG)
public class DfeLearnerResource {

    private final DfeService service;

    public DfeLearnerResource(DfeService service) {
        this.service = service;
    }

    @GET
    @Path("/{uln}/{familyName}/{standard}")
    @Operation(
            summary = "Get a learner (DfE)",
            description = "DfE's GetLearner: learnerData, status, epaDetails and certificate of a learner "
                    + "registered with your organisation; learningDetails.learningStartDate and plannedEndDate "
                    + "from the linked evidence-service apprentice when there is one you may see; 403 with the "
                    + "validation messages otherwise.")
    @APIResponse(
            responseCode = "200",
            description = "The learner",
            content = @Content(schema = @Schema(implementation = DfeModels.LearnerResponse.class)))
    @APIResponse(responseCode = "403", description = "{statusCode, message}")
    public Response get(
            @PathParam("uln") String uln,
            @PathParam("familyName") String familyName,
            @PathParam("standard") String standard) {
        return Response.ok(service.learner(uln, familyName, standard)).build();
    }
}
