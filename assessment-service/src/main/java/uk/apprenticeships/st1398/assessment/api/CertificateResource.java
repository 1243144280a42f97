package uk.apprenticeships.st1398.assessment.api;

import io.quarkus.security.PermissionsAllowed;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.apprenticeships.st1398.assessment.domain.CertificateGrade;
import uk.apprenticeships.st1398.assessment.domain.CertificateStatus;
import uk.apprenticeships.st1398.assessment.service.AccessRules;
import uk.apprenticeships.st1398.assessment.service.CertificateService;
import uk.apprenticeships.st1398.assessment.service.CredentialService;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;

@Path("/api/v1/certificates")
@Produces(MediaType.APPLICATION_JSON)
@PermissionsAllowed(AccessRules.CERTIFICATE_READ)
@Tag(
        name = "Certificates",
        description = "Apprenticeship certificates, in shapes compatible with the DfE "
                + "assessment service API. Batches take up to 25 items and are answered item by item; each item is "
                + "atomic on its own (a refused item changes nothing and does not stop the others).")
public class CertificateResource {

    static final String REFERENCE = "^\\d{8}$";
    /** The VC-JWT media type (W3C VC-JOSE-COSE), for clients that want only the signed credential. */
    static final String VC_JWT = "application/vc+jwt";

    static final String STATUSES = "Draft|Ready|Submitted|Approved|Printed|Delivered|Cancelled|Deleted";

    private final CertificateService service;
    private final CredentialService credentials;

    public CertificateResource(CertificateService service, CredentialService credentials) {
        this.service = service;
        this.credentials = credentials;
    }

    @POST
    @PermissionsAllowed(AccessRules.CERTIFICATE_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create certificates (batch of up to 25)",
            description = "Each item becomes a Draft certificate with a server-assigned certificateReference, or "
                    + "is refused with validationErrors. More than 25 items (or a missing/repeated requestId) is a "
                    + "400 problem and nothing is created.")
    @APIResponse(
            responseCode = "200",
            description = "One result per item, in request order",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = CertificateResult.class)))
    public List<CertificateResult> createCertificates(
            @NotNull(message = "a JSON array of certificates is required") List<CertificateRequest> batch) {
        return service.create(batch);
    }

    @PUT
    @PermissionsAllowed(AccessRules.CERTIFICATE_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Amend certificates (batch of up to 25)",
            description = "Each item names its certificateReference and replaces the certificate's details. Only "
                    + "Draft and Submitted certificates can be amended; others give the item status 409.")
    @APIResponse(
            responseCode = "200",
            description = "One result per item, in request order",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = CertificateResult.class)))
    public List<CertificateResult> amendCertificates(
            @NotNull(message = "a JSON array of certificates is required") List<CertificateRequest> batch) {
        return service.amend(batch);
    }

    @POST
    @Path("/submit")
    @PermissionsAllowed(AccessRules.CERTIFICATE_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Submit certificates for approval (batch of up to 25)",
            description = "Moves each Draft or Ready certificate to Submitted.")
    @APIResponse(
            responseCode = "200",
            description = "One result per item, in request order",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = CertificateResult.class)))
    public List<CertificateResult> submitCertificates(
            @NotNull(message = "a JSON array of submissions is required") List<SubmitRequest> batch) {
        return service.submit(batch);
    }

    @GET
    @Operation(
            summary = "List certificates",
            description = "Admins and regulators see all; assessors their organisation's; tutors their provider's "
                    + "apprentices'. Ordered by certificateReference.")
    @APIResponse(responseCode = "200", description = "A page of certificates")
    public PageResponse<CertificateResponse> listCertificates(
            @QueryParam("status")
                    @Pattern(regexp = STATUSES, message = "must be one of " + STATUSES)
                    @Parameter(description = "Only certificates in this status")
                    String status,
            @QueryParam("standardReference")
                    @Pattern(regexp = "^ST\\d{4}$", message = "must look like ST1234")
                    @Parameter(description = "Only certificates of this standard", example = "ST1398")
                    String standard,
            @QueryParam("uln")
                    @Pattern(regexp = "^[1-9]\\d{9}$", message = "must be 10 digits")
                    @Parameter(description = "Only this learner's certificates")
                    String uln,
            @Valid @BeanParam PageRequest page) {
        return service.search(status == null ? null : CertificateStatus.valueOf(status), standard, uln, page);
    }

    @GET
    @Path("/grades")
    @Operation(
            summary = "List the allowed certificate grades",
            description = "A small fixed vocabulary, so not paged. Fail is never a certificate grade.")
    @APIResponse(
            responseCode = "200",
            description = "Every grade",
            content = @Content(schema = @Schema(implementation = GradesResponse.class)))
    public GradesResponse certificateGrades() {
        return new GradesResponse(Arrays.stream(CertificateGrade.values())
                .map(g -> new GradesResponse.Grade(g.label(), g.current()))
                .toList());
    }

    @GET
    @Path("/{certificateReference}")
    @Operation(
            summary = "Get a certificate, with its change history",
            description = "One certificate by its 8-digit reference, with every change made to it.")
    @APIResponse(
            responseCode = "200",
            description = "The certificate",
            content = @Content(schema = @Schema(implementation = CertificateResponse.class)))
    public CertificateResponse getCertificate(
            @PathParam("certificateReference")
                    @Pattern(regexp = REFERENCE, message = "must be 8 digits")
                    @Parameter(example = "00000001")
                    String reference) {
        return service.get(reference);
    }

    @PUT
    @Path("/{certificateReference}")
    @PermissionsAllowed(AccessRules.CERTIFICATE_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Amend one certificate",
            description = "The single-item form of the batch amend; requestId is not needed. Only Draft and "
                    + "Submitted certificates can be amended.")
    @APIResponse(
            responseCode = "200",
            description = "The amended certificate",
            content = @Content(schema = @Schema(implementation = CertificateResponse.class)))
    @APIResponse(responseCode = "409", description = "The certificate is not Draft or Submitted")
    public CertificateResponse amendCertificate(
            @PathParam("certificateReference") @Pattern(regexp = REFERENCE, message = "must be 8 digits")
                    String reference,
            @NotNull(message = "a JSON body is required") CertificateRequest request) {
        return service.amendOne(reference, request);
    }

    @POST
    @Path("/{certificateReference}/status")
    @PermissionsAllowed(AccessRules.CERTIFICATE_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change a certificate's status",
            description = "Draft → Ready/Submitted/Deleted; Ready → Draft/Submitted/Deleted; Submitted → "
                    + "Draft/Approved/Cancelled; Approved → Printed/Cancelled; Printed → Delivered/Cancelled. "
                    + "Assessors may set Draft, Ready, Submitted and Deleted; Approved, Printed, Delivered and "
                    + "Cancelled are the approving body's (admin).")
    @APIResponse(
            responseCode = "200",
            description = "The certificate in its new status",
            content = @Content(schema = @Schema(implementation = CertificateResponse.class)))
    @APIResponse(responseCode = "409", description = "Not allowed from the current status")
    public CertificateResponse changeCertificateStatus(
            @PathParam("certificateReference") @Pattern(regexp = REFERENCE, message = "must be 8 digits")
                    String reference,
            @NotNull(message = "a JSON body is required") @Valid StatusChangeRequest request) {
        return service.changeStatus(reference, request);
    }

    @GET
    @Path("/{certificateReference}/credential")
    @Operation(
            summary = "Get a certificate as a signed Open Badges 3.0 credential",
            description = "Approved, Printed and Delivered certificates only (others: 409). Answers the "
                    + "OpenBadgeCredential (JSON) and, in proof.jwt, the same credential as a VC-JWT signed with "
                    + "RS256; verify it with the key set at /api/v1/certificates/.well-known/jwks.json. The learner "
                    + "appears only as a salted SHA-256 hash of the ULN.")
    @Produces({MediaType.APPLICATION_JSON, VC_JWT})
    @APIResponse(
            responseCode = "200",
            description = "The credential and its VC-JWT (application/json), or only "
                    + "the compact VC-JWT when the client accepts application/vc+jwt and not JSON",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = CredentialResponse.class)),
                @Content(mediaType = VC_JWT, schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(responseCode = "409", description = "The certificate has not been approved, or was cancelled")
    public Response certificateCredential(
            @PathParam("certificateReference") @Pattern(regexp = REFERENCE, message = "must be 8 digits")
                    String reference,
            @Context Request request) {
        CredentialResponse credential = credentials.credential(reference);
        Variant chosen =
                request.selectVariant(Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE, MediaType.valueOf(VC_JWT))
                        .build());
        if (chosen != null && VC_JWT.equals(chosen.getMediaType().toString())) {
            return Response.ok(credential.proof().jwt(), VC_JWT).build();
        }
        return Response.ok(credential, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/.well-known/jwks.json")
    @PermitAll
    @SecurityRequirements
    @Produces({"application/jwk-set+json", MediaType.APPLICATION_JSON})
    @Operation(
            summary = "Get the public keys credentials are signed with (JWKS)",
            description = "Public, no token needed. A JSON Web Key Set (RFC 7517); match the JWT header's kid.")
    @APIResponse(responseCode = "200", description = "The key set")
    public Response issuerKeys() {
        return Response.ok(credentials.jwks())
                .header("Cache-Control", "public, max-age=300")
                .build();
    }
}
