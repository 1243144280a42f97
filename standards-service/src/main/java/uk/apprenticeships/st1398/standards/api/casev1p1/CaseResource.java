package uk.apprenticeships.st1398.standards.api.casev1p1;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.standards.service.CaseFrameworkService;

/**
 * The catalogue as 1EdTech CASE 1.1 competency frameworks: each standard version is a CFDocument with its KSBs and
 * duties as CFItems. Read-only, open to any caller and cacheable like every catalogue read (ETag and 304 come from
 * {@link uk.apprenticeships.st1398.standards.api.HttpCaching}). Errors are RFC 9457 problems, as everywhere on the
 * platform, rather than CASE's imsx_StatusInfo.
 */
@Path("/ims/case/v1p1")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(
        name = "CASE 1.1",
        description = "Standard versions as 1EdTech CASE 1.1 competency frameworks (CFDocument, "
                + "CFItems for KSBs and duties, CFAssociations)")
public class CaseResource {

    static final int MAX_LIMIT = 100;
    static final String UUID_PATTERN = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
    private static final String UUID_MESSAGE = "must be a UUID (8-4-4-4-12 hexadecimal digits)";
    private static final String WHOLE_NUMBER = "^\\d{1,9}$";
    private static final String UNSUPPORTED =
            "is not supported; documents are listed by standard reference, newest " + "version first";

    private final CaseFrameworkService service;

    public CaseResource(CaseFrameworkService service) {
        this.service = service;
    }

    @GET
    @Path("/CFDocuments")
    @Operation(
            summary = "List the frameworks (one CFDocument per standard version)",
            description = "Ordered by standard reference, then newest version first. Paged as CASE pages: `limit` "
                    + "(1 to 100, default 100) and `offset` (from 0); `X-Total-Count` gives the number of documents. "
                    + "CASE's `sort`, `orderBy`, `filter` and `fields` are not supported and answer 400.")
    @APIResponse(
            responseCode = "200",
            description = "A page of CFDocuments",
            headers =
                    @Header(
                            name = "X-Total-Count",
                            description = "How many documents there are in all",
                            schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(schema = @Schema(implementation = CfDocumentSet.class)))
    public Response documents(
            @QueryParam("limit")
                    @Pattern(regexp = WHOLE_NUMBER, message = "must be a whole number from 1 to 100")
                    @Parameter(description = "Maximum number of documents, 1 to 100 (default 100)", example = "100")
                    String limit,
            @QueryParam("offset")
                    @Pattern(regexp = WHOLE_NUMBER, message = "must be a whole number, 0 or more")
                    @Parameter(description = "Number of documents to skip (default 0)", example = "0")
                    String offset,
            @QueryParam("sort") @Parameter(description = "Not supported") String sort,
            @QueryParam("orderBy") @Parameter(description = "Not supported") String orderBy,
            @QueryParam("filter") @Parameter(description = "Not supported") String filter,
            @QueryParam("fields") @Parameter(description = "Not supported") String fields) {
        refuse("sort", sort);
        refuse("orderBy", orderBy);
        refuse("filter", filter);
        refuse("fields", fields);
        int size = limit == null ? MAX_LIMIT : Integer.parseInt(limit);
        if (size < 1 || size > MAX_LIMIT) {
            throw ApiException.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
        }
        CaseFrameworkService.DocumentPage page = service.documents(size, offset == null ? 0 : Integer.parseInt(offset));
        return Response.ok(page.documents())
                .header("X-Total-Count", page.total())
                .build();
    }

    @GET
    @Path("/CFDocuments/{sourcedId}")
    @Operation(
            summary = "Get one framework's CFDocument",
            description =
                    "With `CFPackageURI`, the link to the "
                            + "whole framework. `notes` and `extensions` say where the content comes from and how complete it is.")
    @APIResponse(responseCode = "200", description = "The CFDocument")
    public CfDocument document(
            @PathParam("sourcedId")
                    @Pattern(regexp = UUID_PATTERN, message = UUID_MESSAGE)
                    @Parameter(description = "CFDocument identifier")
                    String sourcedId) {
        return service.document(UUID.fromString(sourcedId));
    }

    @GET
    @Path("/CFPackages/{sourcedId}")
    @Operation(
            summary = "Get a whole framework as a CFPackage",
            description = "The CFDocument, every KSB and duty as a CFItem, the associations (`isChildOf` from every "
                    + "item to the document; `isRelatedTo` from each duty to each KSB it maps to, where the source "
                    + "gives the mapping) and the item types and association grouping used. The identifier is the "
                    + "CFDocument's. Valid against the official CASE 1.1 CFPackage JSON schema.")
    @APIResponse(responseCode = "200", description = "The CFPackage")
    public CfPackage cfPackage(
            @PathParam("sourcedId")
                    @Pattern(regexp = UUID_PATTERN, message = UUID_MESSAGE)
                    @Parameter(description = "CFDocument identifier")
                    String sourcedId) {
        return service.packageOf(UUID.fromString(sourcedId));
    }

    @GET
    @Path("/CFItems/{sourcedId}")
    @Operation(
            summary = "Get one CFItem (a KSB or a duty)",
            description = "A KSB's identifier is its catalogue id; "
                    + "a duty's likewise. Where the source does not give the text, `fullStatement` says so in square brackets "
                    + "and `extensions.textAvailable` is false.")
    @APIResponse(responseCode = "200", description = "The CFItem")
    public CfItem item(
            @PathParam("sourcedId")
                    @Pattern(regexp = UUID_PATTERN, message = UUID_MESSAGE)
                    @Parameter(description = "CFItem identifier")
                    String sourcedId) {
        return service.item(UUID.fromString(sourcedId));
    }

    @GET
    @Path("/CFAssociations/{sourcedId}")
    @Operation(
            summary = "Get one CFAssociation",
            description = "One association of the CASE 1.1 framework (e.g. a duty to a KSB), as CASE answers it.")
    @APIResponse(responseCode = "200", description = "The CFAssociation")
    public CfAssociation association(
            @PathParam("sourcedId")
                    @Pattern(regexp = UUID_PATTERN, message = UUID_MESSAGE)
                    @Parameter(description = "CFAssociation identifier")
                    String sourcedId) {
        return service.association(UUID.fromString(sourcedId));
    }

    @GET
    @Path("/CFItemTypes/{sourcedId}")
    @Operation(
            summary = "Get a CFItemType (Knowledge, Skill, Behaviour or Duty)",
            description = "As CASE answers it: a set holding the type and its children (ours have none).")
    @APIResponse(responseCode = "200", description = "The CFItemType")
    public CfItemTypeSet itemType(
            @PathParam("sourcedId")
                    @Pattern(regexp = UUID_PATTERN, message = UUID_MESSAGE)
                    @Parameter(description = "CFItemType identifier")
                    String sourcedId) {
        return service.itemType(UUID.fromString(sourcedId));
    }

    @GET
    @Path("/CFAssociationGroupings/{sourcedId}")
    @Operation(
            summary = "Get a CFAssociationGrouping (the duty-to-KSB mapping)",
            description = "The grouping that collects a version's duty-to-KSB associations, as CASE answers it.")
    @APIResponse(responseCode = "200", description = "The CFAssociationGrouping")
    public CfAssociationGrouping associationGrouping(
            @PathParam("sourcedId")
                    @Pattern(regexp = UUID_PATTERN, message = UUID_MESSAGE)
                    @Parameter(description = "CFAssociationGrouping identifier")
                    String sourcedId) {
        return service.associationGrouping(UUID.fromString(sourcedId));
    }

    private static void refuse(String parameter, String value) {
        if (value != null) {
            throw ApiException.invalid(parameter, parameter + " " + UNSUPPORTED);
        }
    }
}
