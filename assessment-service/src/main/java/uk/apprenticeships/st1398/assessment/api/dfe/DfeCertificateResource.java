package uk.apprenticeships.st1398.assessment.api.dfe;

import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.apprenticeships.st1398.assessment.service.AccessRules;
import uk.apprenticeships.st1398.assessment.service.DfeService;

/** DfE's {@code api/v1/certificate} (CertificateController), under this platform's DfE base path. */
@Path(DfeEpaResource.BASE + "/certificate")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "DfE assessor-service API", description = DfeEpaResource.TAG)
public class DfeCertificateResource {

    private final DfeService service;
    private final DfeJson json;

    public DfeCertificateResource(DfeService service, DfeJson json) {
        this.service = service;
        this.json = json;
    }

    @GET
    @Path("/grades")
    @PermissionsAllowed(AccessRules.CERTIFICATE_READ)
    @Operation(summary = "Get grades (DfE)", description = "DfE's GetGrades: the valid pass grades, in DfE's order.")
    @APIResponse(responseCode = "200", description = "The grades")
    public List<String> grades() {
        return DfeService.GRADES;
    }

    @GET
    @Path("/{uln}/{familyName}/{standard}")
    @PermissionsAllowed(AccessRules.CERTIFICATE_WRITE)
    @Operation(
            summary = "Get a certificate (DfE)",
            description = "DfE's GetCertificate: 200 with the certificate, 204 when there is none and one may be "
                    + "created, 403 with the validation messages.")
    @APIResponse(
            responseCode = "200",
            description = "The certificate",
            content = @Content(schema = @Schema(implementation = DfeModels.Certificate.class)))
    @APIResponse(responseCode = "204", description = "No certificate yet")
    @APIResponse(responseCode = "403", description = "{statusCode, message}")
    public Response get(
            @PathParam("uln") String uln,
            @PathParam("familyName") String familyName,
            @PathParam("standard") String standard) {
        return service.getCertificate(uln, familyName, standard)
                .map(c -> Response.ok(c).build())
                .orElseGet(() -> Response.noContent().build());
    }

    @POST
    @PermissionsAllowed(AccessRules.CERTIFICATE_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create certificates (DfE)",
            description = "DfE's CreateCertificates: up to 25 CreateCertificateRequest; each answered with "
                    + "{requestId, certificate} or its validationErrors (\"Latest EPA Outcome has not passed\" "
                    + "when the learner's latest recorded EPA is not a Pass).")
    @RequestBody(
            description = "An array of DfE CreateCertificateRequest",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = DfeModels.CertificateRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "One answer per item, in order",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = DfeModels.CertificateResponse.class)))
    @APIResponse(
            responseCode = "403",
            description = "{statusCode, message}: too many items or unreadable input",
            content = @Content(schema = @Schema(implementation = DfeModels.ApiResponse.class)))
    public Response create(String body) {
        return Response.ok(service.createCertificates(json.list(body, DfeModels.CertificateRequest.class)))
                .build();
    }

    @PUT
    @PermissionsAllowed(AccessRules.CERTIFICATE_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Update certificates (DfE)", description = "DfE's UpdateCertificates.")
    @RequestBody(
            description = "An array of DfE UpdateCertificateRequest",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = DfeModels.CertificateRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "One answer per item, in order",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = DfeModels.CertificateResponse.class)))
    @APIResponse(
            responseCode = "403",
            description = "{statusCode, message}: too many items or unreadable input",
            content = @Content(schema = @Schema(implementation = DfeModels.ApiResponse.class)))
    public Response update(String body) {
        return Response.ok(service.updateCertificates(json.list(body, DfeModels.CertificateRequest.class)))
                .build();
    }

    @POST
    @Path("/submit")
    @PermissionsAllowed(AccessRules.CERTIFICATE_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit certificates (DfE)", description = "DfE's SubmitCertificates.")
    @RequestBody(
            description = "An array of DfE SubmitCertificateRequest",
            content =
                    @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = DfeModels.SubmitRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "One answer per item, in order",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = DfeModels.CertificateResponse.class)))
    @APIResponse(
            responseCode = "403",
            description = "{statusCode, message}: too many items or unreadable input",
            content = @Content(schema = @Schema(implementation = DfeModels.ApiResponse.class)))
    public Response submit(String body) {
        return Response.ok(service.submitCertificates(json.list(body, DfeModels.SubmitRequest.class)))
                .build();
    }

    @DELETE
    @Path("/{uln}/{familyName}/{standard}/{certificateReference: .*}")
    @PermissionsAllowed(AccessRules.CERTIFICATE_WRITE)
    @Operation(summary = "Delete a certificate (DfE)", description = "DfE's DeleteCertificate: 204, or 403.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "{statusCode, message}")
    public Response delete(
            @PathParam("uln") String uln,
            @PathParam("familyName") String familyName,
            @PathParam("standard") String standard,
            @PathParam("certificateReference") String certificateReference) {
        service.deleteCertificate(uln, familyName, standard, certificateReference);
        return Response.noContent().build();
    }
}
