package uk.apprenticeships.st1398.standards.api;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.apprenticeships.st1398.standards.domain.KsbKind;
import uk.apprenticeships.st1398.standards.mapping.feed.FeedStandardVersion;
import uk.apprenticeships.st1398.standards.service.StandardVersionService;

/**
 * Versions of a standard and their content. Public reference data: open to any caller and cacheable (see
 * {@link HttpCaching}). A version's KSBs, duties and options are bounded by the standard, so they come whole rather
 * than paged.
 */
@Path("/api/v1/standards/{reference}/versions")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(
        name = "Standard versions",
        description =
                "Versions of a standard with their KSBs, duties and options, as far " + "as their sources give them")
public class StandardVersionResource {

    static final String VERSION = "^\\d{1,3}\\.\\d{1,3}$";
    static final String KSB =
            "^([KSB][1-9]\\d{0,2}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}" + "-[0-9a-fA-F]{12})$";
    private static final String VERSION_HELP = "Version number, e.g. 1.0 (not the key ST1398_1.0). A version "
            + "loaded from a proposal, which has no number of its own, is filed as 0.1; its `source` and "
            + "`sourceNote` say so.";

    private final StandardVersionService service;

    public StandardVersionResource(StandardVersionService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "List a standard's versions",
            description = "Newest first. Each version says where its " + "content was loaded from (`source`).")
    @APIResponse(responseCode = "200", description = "The versions")
    public List<VersionSummary> versions(
            @PathParam("reference")
                    @Pattern(regexp = StandardResource.REFERENCE, message = "must look like ST1234")
                    @Parameter(description = "Standard reference", example = "ST1398")
                    String reference) {
        return service.versions(reference);
    }

    @GET
    @Path("/{version}")
    @Operation(
            summary = "Get one version with its KSBs, duties, options and qualifications",
            description = "Texts are exactly as the source gives them. A text the source does not give is null "
                    + "(`textAvailable: false`) and its code is listed in `completeness.*.missingCodes`; a text the "
                    + "source cuts off is kept as shown and listed in `truncatedCodes`. Nothing is filled in from "
                    + "another version. " + VERSION_HELP)
    @APIResponse(responseCode = "200", description = "The version")
    public VersionResponse version(
            @PathParam("reference")
                    @Pattern(regexp = StandardResource.REFERENCE, message = "must look like ST1234")
                    @Parameter(description = "Standard reference", example = "ST1398")
                    String reference,
            @PathParam("version")
                    @Pattern(regexp = VERSION, message = "must look like 1.0")
                    @Parameter(description = VERSION_HELP, example = "1.0")
                    String version) {
        return service.version(reference, version);
    }

    @GET
    @Path("/{version}/ksbs")
    @Operation(
            summary = "List a version's KSBs",
            description = "Knowledge, then skills, then behaviours, each in " + "code order. " + VERSION_HELP)
    @APIResponse(responseCode = "200", description = "The KSBs")
    public List<KsbResponse> ksbs(
            @PathParam("reference")
                    @Pattern(regexp = StandardResource.REFERENCE, message = "must look like ST1234")
                    @Parameter(description = "Standard reference", example = "ST1398")
                    String reference,
            @PathParam("version")
                    @Pattern(regexp = VERSION, message = "must look like 1.0")
                    @Parameter(description = VERSION_HELP, example = "1.0")
                    String version,
            @QueryParam("kind")
                    @Pattern(regexp = "^[KSB]$", message = "must be K, S or B")
                    @Parameter(description = "Only this kind: K (knowledge), S (skills) or B (behaviours)")
                    String kind) {
        return service.ksbs(reference, version, kind == null ? null : KsbKind.valueOf(kind));
    }

    @GET
    @Path("/{version}/ksbs/{codeOrId}")
    @Operation(
            summary = "Get one KSB by code or id",
            description = "By its code (K3, S12, B1: kind and position) " + "or by its stable id. " + VERSION_HELP)
    @APIResponse(responseCode = "200", description = "The KSB")
    public KsbResponse ksb(
            @PathParam("reference")
                    @Pattern(regexp = StandardResource.REFERENCE, message = "must look like ST1234")
                    @Parameter(description = "Standard reference", example = "ST1398")
                    String reference,
            @PathParam("version")
                    @Pattern(regexp = VERSION, message = "must look like 1.0")
                    @Parameter(description = VERSION_HELP, example = "1.0")
                    String version,
            @PathParam("codeOrId")
                    @Pattern(regexp = KSB, message = "must be a code such as K3, S12 or B1, or a KSB id")
                    @Parameter(description = "Code (K3) or id (UUID)", example = "K3")
                    String codeOrId) {
        return service.ksb(reference, version, codeOrId);
    }

    @GET
    @Path("/{version}/duties")
    @Operation(
            summary = "List a version's duties with their KSBs",
            description = "In the standard's order. Where "
                    + "the source gives no duty-to-KSB mapping, `mappingAvailable` is false and `ksbs` is null. "
                    + VERSION_HELP)
    @APIResponse(responseCode = "200", description = "The duties")
    public List<DutyResponse> duties(
            @PathParam("reference")
                    @Pattern(regexp = StandardResource.REFERENCE, message = "must look like ST1234")
                    @Parameter(description = "Standard reference", example = "ST1398")
                    String reference,
            @PathParam("version")
                    @Pattern(regexp = VERSION, message = "must look like 1.0")
                    @Parameter(description = VERSION_HELP, example = "1.0")
                    String version) {
        return service.duties(reference, version);
    }

    @GET
    @Path("/{version}/options")
    @Operation(
            summary = "List a version's options",
            description = "Empty for a standard without options. " + VERSION_HELP)
    @APIResponse(responseCode = "200", description = "The options")
    public List<OptionResponse> options(
            @PathParam("reference")
                    @Pattern(regexp = StandardResource.REFERENCE, message = "must look like ST1234")
                    @Parameter(description = "Standard reference", example = "ST1398")
                    String reference,
            @PathParam("version")
                    @Pattern(regexp = VERSION, message = "must look like 1.0")
                    @Parameter(description = VERSION_HELP, example = "1.0")
                    String version) {
        return service.options(reference, version);
    }

    @GET
    @Path("/{version}/export")
    @Operation(
            summary = "Export a version in the Skills England feed format",
            description = "Field names as the feed spells them, KSB, duty and option ids as stored, texts the source "
                    + "does not give stay null. Fields this catalogue does not keep are left out; of the EQA provider "
                    + "only the name is kept. The standard's funding bands come as `apprenticeshipFunding` (not a "
                    + "feed field). The result can be posted to `/api/v1/standards/import`. " + VERSION_HELP)
    @APIResponse(
            responseCode = "200",
            description = "The version in the feed format",
            content = @Content(schema = @Schema(implementation = FeedStandardVersion.class)))
    public FeedStandardVersion export(
            @PathParam("reference")
                    @Pattern(regexp = StandardResource.REFERENCE, message = "must look like ST1234")
                    @Parameter(description = "Standard reference", example = "ST1398")
                    String reference,
            @PathParam("version")
                    @Pattern(regexp = VERSION, message = "must look like 1.0")
                    @Parameter(description = VERSION_HELP, example = "1.0")
                    String version) {
        return service.export(reference, version);
    }
}
