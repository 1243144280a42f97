package uk.apprenticeships.st1398.assessment.api.dfe;

import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.apprenticeships.st1398.assessment.service.AccessRules;
import uk.apprenticeships.st1398.assessment.service.DfeService;

/** DfE's {@code api/v1/epa} (EpaController), under this platform's DfE base path. */
@Path(DfeEpaResource.BASE + "/epa")
@Produces(MediaType.APPLICATION_JSON)
@PermissionsAllowed(AccessRules.EPA_WRITE)
@Tag(name = "DfE assessor-service API", description = DfeEpaResource.TAG)
public class DfeEpaResource {

    /** The base path of the DfE-compatible surface; DfE's relative paths follow it unchanged. */
    public static final String BASE = "/assessor-service/api/v1";

    static final String TAG = "The DfE assessor-service External API, unchanged (docs/integrators.md, \"DfE "
            + "assessor-service API\"): bodies, batch rules, messages and {statusCode, message} errors are DfE's.";

    private final DfeService service;
    private final DfeJson json;

    public DfeEpaResource(DfeService service, DfeJson json) {
        this.service = service;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create EPA records (DfE)",
            description = "DfE's CreateEpaRecords: an array of up to 25 CreateEpaRequest; each answered with "
                    + "{requestId, epaReference} or its validationErrors (strings). More than 25: 403.")
    @RequestBody(
            description = "An array of DfE CreateEpaRequest",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = DfeModels.EpaRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "One answer per item, in order",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = DfeModels.EpaResponse.class)))
    @APIResponse(
            responseCode = "403",
            description = "{statusCode, message}: too many items or unreadable input",
            content = @Content(schema = @Schema(implementation = DfeModels.ApiResponse.class)))
    public Response create(String body) {
        return Response.ok(service.createEpas(json.list(body, DfeModels.EpaRequest.class)))
                .build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Update EPA records (DfE)", description = "DfE's UpdateEpaRecords (UpdateEpaRequest).")
    @RequestBody(
            description = "An array of DfE UpdateEpaRequest",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = DfeModels.EpaRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "One answer per item, in order",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = DfeModels.EpaResponse.class)))
    @APIResponse(
            responseCode = "403",
            description = "{statusCode, message}: too many items or unreadable input",
            content = @Content(schema = @Schema(implementation = DfeModels.ApiResponse.class)))
    public Response update(String body) {
        return Response.ok(service.updateEpas(json.list(body, DfeModels.EpaRequest.class)))
                .build();
    }

    @DELETE
    @Path("/{uln}/{familyName}/{standard}/{epaReference: .*}")
    @Operation(
            summary = "Delete an EPA record (DfE)",
            description = "DfE's DeleteEpaRecord: 204, or 403 with the " + "validation messages joined by \"; \".")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "{statusCode, message}")
    public Response delete(
            @PathParam("uln") String uln,
            @PathParam("familyName") String familyName,
            @PathParam("standard") String standard,
            @PathParam("epaReference") String epaReference) {
        service.deleteEpa(uln, familyName, standard, epaReference);
        return Response.noContent().build();
    }
}
