package uk.apprenticeships.st1398.standards.api;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.apprenticeships.st1398.standards.service.StandardVersionService;

/** What changed between two versions of a standard. Public and cacheable like every catalogue read. */
@Path("/api/v1/standards/{reference}/diff")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Standard versions")
public class StandardDiffResource {

    private final StandardVersionService service;

    public StandardDiffResource(StandardVersionService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "Compare two versions of a standard",
            description = "KSBs added, removed and changed, matched by code (K3 with K3); duties matched by "
                    + "position, with the codes of the KSBs they map. A KSB whose text changes, becomes available or "
                    + "stops being available is changed, with its `before` and `after`. Each side is as its source "
                    + "gives it: a version whose source omits texts shows them as unavailable, not as removed.")
    @APIResponse(responseCode = "200", description = "The differences from `from` to `to`")
    public VersionDiff diff(
            @PathParam("reference")
                    @Pattern(regexp = StandardResource.REFERENCE, message = "must look like ST1234")
                    @Parameter(description = "Standard reference", example = "ST1398")
                    String reference,
            @QueryParam("from")
                    @NotNull(message = "is required")
                    @Pattern(regexp = StandardVersionResource.VERSION, message = "must look like 1.0")
                    @Parameter(description = "The earlier version number", example = "0.1")
                    String from,
            @QueryParam("to")
                    @NotNull(message = "is required")
                    @Pattern(regexp = StandardVersionResource.VERSION, message = "must look like 1.0")
                    @Parameter(description = "The later version number", example = "1.0")
                    String to) {
        return service.diff(reference, from, to);
    }
}
