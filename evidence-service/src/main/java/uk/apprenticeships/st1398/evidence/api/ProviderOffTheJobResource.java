package uk.apprenticeships.st1398.evidence.api;

import static uk.apprenticeships.st1398.evidence.service.EvidencePermissions.*;

import io.quarkus.security.PermissionsAllowed;
import jakarta.validation.Valid;
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
import uk.apprenticeships.st1398.evidence.service.ApprenticeAccess;
import uk.apprenticeships.st1398.evidence.service.OffTheJobService;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;

@Path("/api/v1/providers/{ukprn}/off-the-job-summaries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Off-the-job training")
public class ProviderOffTheJobResource {

    /** One or more apprentice statuses, comma-separated. */
    static final String STATUS_LIST =
            "^(active|break-in-learning|withdrawn|completed)" + "(,(active|break-in-learning|withdrawn|completed))*$";

    static final String STATUS_LIST_MESSAGE =
            "must be one or more of active, break-in-learning, withdrawn, completed, comma-separated";

    private final OffTheJobService service;

    public ProviderOffTheJobResource(OffTheJobService service) {
        this.service = service;
    }

    @GET
    @PermissionsAllowed(OTJ_COHORT)
    @Operation(
            summary = "Off-the-job totals of a provider's apprentices",
            description = "For dashboards: a page of the provider's apprentices (ordered by family name, given "
                    + "name, then id; apprentices being erased are left out), each with `summary`, exactly what "
                    + "`GET /api/v1/apprentices/{id}/off-the-job/summary` answers for them (the same rules: "
                    + "approved and pending hours against the minimum of the assessment plan). The page's totals "
                    + "come from one query, however many apprentices the provider has. Tutors and LMS clients "
                    + "of the provider, and admins; another provider answers 404. If standards-service cannot be "
                    + "reached for a requirement, the page answers 503 as the one-apprentice summary does.")
    @APIResponse(responseCode = "200", description = "A page of apprentices with their off-the-job summaries")
    @APIResponse(responseCode = "503", description = "standards-service cannot be reached")
    @APIResponse(responseCode = "504", description = "standards-service did not answer in time (downstream-timeout)")
    public PageResponse<ProviderOffTheJobSummary> list(
            @PathParam("ukprn")
                    @Pattern(regexp = "^\\d{8}$", message = "must be 8 digits")
                    @Parameter(description = "UKPRN of the provider", example = "10000001")
                    String ukprn,
            @QueryParam("status")
                    @Pattern(regexp = STATUS_LIST, message = STATUS_LIST_MESSAGE)
                    @Parameter(
                            description = "Only apprentices with one of these statuses, comma-separated (default: "
                                    + "any); `active,break-in-learning` gives those in learning",
                            example = "active,break-in-learning")
                    String status,
            @Valid @BeanParam PageRequest page) {
        return service.forProvider(ukprn, ApprenticeAccess.statuses(status), page);
    }
}
