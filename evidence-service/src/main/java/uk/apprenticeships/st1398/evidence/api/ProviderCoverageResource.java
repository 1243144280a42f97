package uk.apprenticeships.st1398.evidence.api;

import static uk.apprenticeships.st1398.evidence.service.EvidencePermissions.*;

import io.quarkus.security.PermissionsAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
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
import uk.apprenticeships.st1398.evidence.service.CoverageService;
import uk.apprenticeships.st1398.platform.api.PageRequest;

@Path("/api/v1/providers/{ukprn}/coverage")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Coverage")
public class ProviderCoverageResource {

    private final CoverageService service;

    public ProviderCoverageResource(CoverageService service) {
        this.service = service;
    }

    @GET
    @PermissionsAllowed(COHORT_COVERAGE_READ)
    @Operation(
            summary = "Get a provider cohort's KSB coverage",
            description = "For dashboards: a page of the provider's apprentices on the standard version (any "
                    + "status; ordered by family name, given name, then id) with their coverage, and an aggregate "
                    + "over the whole cohort. Tutors and LMS clients of the provider, and admins; another "
                    + "provider answers 404. Apprentices and assessors use the per-apprentice coverage instead.")
    @APIResponse(responseCode = "200", description = "A page of coverage summaries and the cohort aggregate")
    @APIResponse(responseCode = "422", description = "The standard version is not in the catalogue")
    @APIResponse(responseCode = "503", description = "The standards catalogue cannot be reached")
    @APIResponse(responseCode = "504", description = "standards-service did not answer in time (downstream-timeout)")
    public ProviderCoverageResponse get(
            @PathParam("ukprn")
                    @Pattern(regexp = "^\\d{8}$", message = "must be 8 digits")
                    @Parameter(description = "UKPRN of the provider", example = "10000001")
                    String ukprn,
            @QueryParam("standardVersion")
                    @NotNull
                    @Pattern(regexp = ApprenticeRequest.STANDARD_VERSION, message = "must look like ST1398_1.0")
                    @Parameter(
                            description = "The cohort's standard version (required)",
                            example = "ST1398_1.0",
                            required = true)
                    String standardVersion,
            @Valid @BeanParam PageRequest page) {
        return service.forProvider(ukprn, standardVersion, page);
    }
}
