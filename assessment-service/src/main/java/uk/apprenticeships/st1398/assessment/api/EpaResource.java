package uk.apprenticeships.st1398.assessment.api;

import io.quarkus.security.PermissionsAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.apprenticeships.st1398.assessment.service.AccessRules;
import uk.apprenticeships.st1398.assessment.service.EpaService;

@Path("/api/v1/epa")
@Produces(MediaType.APPLICATION_JSON)
@PermissionsAllowed(AccessRules.EPA_WRITE)
@Tag(name = "DfE learner and EPA")
public class EpaResource {

    private final EpaService service;

    public EpaResource(EpaService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create EPA records (batch of up to 25)",
            description = "Each item names a registered learner (ULN, family name case-insensitive, standard as LARS "
                    + "code or STnnnn) and their EPAs; the server assigns epaReference. Dates from 2017-01-01 and "
                    + "not in the future; a first EPA is not a resit or retake; after a Fail the next is a resit or "
                    + "retake (or a withdrawal); nothing follows a Pass or a withdrawal. Items are answered one by "
                    + "one with validationErrors; more than 25 items or missing/repeated requestIds is a 400 problem "
                    + "and nothing is created. Admins, or assessors for their organisation's learners.")
    @APIResponse(
            responseCode = "200",
            description = "One result per item, in request order",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = EpaResult.class)))
    public List<EpaResult> createEpaRecords(
            @NotNull(message = "a JSON array of EPA records is required") List<EpaRequest> batch) {
        return service.create(batch);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Update EPA records (batch of up to 25)",
            description = "Each item names its epaDetails.epaReference and gives the learner's whole list of EPAs. "
                    + "Nothing is changed in place: a new version of the record replaces the standing one, which is "
                    + "kept. The rules of create apply.")
    @APIResponse(
            responseCode = "200",
            description = "One result per item, in request order",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = EpaResult.class)))
    public List<EpaResult> updateEpaRecords(
            @NotNull(message = "a JSON array of EPA records is required") List<EpaRequest> batch) {
        return service.update(batch);
    }

    @DELETE
    @Path("/{uln}/{familyName}/{standard}/{epaReference}")
    @Operation(
            summary = "Delete an EPA record",
            description = "Recorded as a deletion replacing the standing record; the history is kept. Refused (409) "
                    + "while the learner has a live certificate for the standard.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such learner or EPA record (or not yours)")
    @APIResponse(
            responseCode = "409",
            description = "The learner has a live certificate (`code`: " + "`certificate-exists`)")
    public Response deleteEpaRecord(
            @PathParam("uln") @Pattern(regexp = "^[1-9]\\d{9}$", message = "must be 10 digits, not starting with 0")
                    String uln,
            @PathParam("familyName") @Size(min = 1, max = 100) String familyName,
            @PathParam("standard")
                    @Pattern(regexp = LearnerResource.STANDARD, message = "must be a LARS code or look like ST1234")
                    String standard,
            @PathParam("epaReference") @Pattern(regexp = "^\\d{8}$", message = "must be 8 digits")
                    String epaReference) {
        service.delete(uln, familyName, standard, epaReference);
        return Response.noContent().build();
    }
}
