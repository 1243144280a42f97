package uk.apprenticeships.st1398.assessment.api.dfe;

import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.apprenticeships.st1398.assessment.service.AccessRules;
import uk.apprenticeships.st1398.assessment.service.DfeService;

/** DfE's {@code api/v1/standards} (StandardsController): course options, read from standards-service. */
@Path(DfeEpaResource.BASE + "/standards/options")
@Produces(MediaType.APPLICATION_JSON)
@PermissionsAllowed(AccessRules.ORGANISATION_READ)
@Tag(name = "DfE assessor-service API", description = DfeEpaResource.TAG)
public class DfeStandardsResource {

    private final DfeService service;

    public DfeStandardsResource(DfeService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "Get options of every standard (DfE)",
            description = "DfE's GetOptionsForAllStandards: each standard with options (its newest version), by "
                    + "LARS code.")
    @APIResponse(responseCode = "200", description = "StandardOptions per standard")
    public List<?> all() {
        return service.allOptions();
    }

    @GET
    @Path("/{standard}")
    @Operation(summary = "Get options of a standard (DfE)", description = "Newest version; 204 without options.")
    @APIResponse(responseCode = "200", description = "StandardOptions")
    @APIResponse(responseCode = "204", description = "The standard has no options")
    @APIResponse(responseCode = "404", description = "No such standard")
    public Response one(@PathParam("standard") String standard) {
        return answer(service.options(standard, null));
    }

    @GET
    @Path("/{standard}/{version}")
    @Operation(summary = "Get options of a standard version (DfE)", description = "204 without options.")
    @APIResponse(responseCode = "200", description = "StandardOptions")
    @APIResponse(responseCode = "204", description = "The version has no options")
    @APIResponse(responseCode = "404", description = "No such standard or version")
    public Response version(@PathParam("standard") String standard, @PathParam("version") String version) {
        return answer(service.options(standard, version));
    }

    private static Response answer(Optional<?> found) {
        if (found.isEmpty()) {
            return Response.status(404).build();
        }
        Object options = found.get();
        if (options instanceof uk.apprenticeships.st1398.assessment.api.dfe.DfeModels.StandardOptions o
                && o.courseOption().isEmpty()) {
            return Response.noContent().build();
        }
        return Response.ok(options).build();
    }
}
