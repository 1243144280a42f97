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
import uk.apprenticeships.st1398.evidence.service.EvidenceService;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;

@Path("/api/v1/providers/{ukprn}/evidence")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evidence")
public class ProviderEvidenceResource {

    private final EvidenceService service;

    public ProviderEvidenceResource(EvidenceService service) {
        this.service = service;
    }

    @GET
    @PermissionsAllowed(EVIDENCE_COHORT)
    @Operation(
            summary = "List a provider's evidence across its apprentices",
            description = "For a tutor's review queue: `status=submitted&apprenticeStatus=active,break-in-learning` "
                    + "is the evidence awaiting review (the workflow takes no step on a withdrawn or completed "
                    + "apprentice's evidence). Least recently changed first (`updatedAt`, then id): for submitted "
                    + "items, the longest waiting first. Each item is the newest revision's summary with its "
                    + "apprentice's name; apprentices being erased are left out. Tutors and LMS clients of the "
                    + "provider, and admins; another provider answers 404.")
    @APIResponse(responseCode = "200", description = "A page of evidence items")
    public PageResponse<ProviderEvidenceItem> list(
            @PathParam("ukprn")
                    @Pattern(regexp = "^\\d{8}$", message = "must be 8 digits")
                    @Parameter(description = "UKPRN of the provider", example = "10000001")
                    String ukprn,
            @QueryParam("status")
                    @Pattern(
                            regexp = "^(draft|submitted|referred-back|accepted)$",
                            message = "must be one of draft, submitted, referred-back, accepted")
                    @Parameter(description = "Only items with this status (default: any)", example = "submitted")
                    String status,
            @QueryParam("apprenticeStatus")
                    @Pattern(
                            regexp = ProviderOffTheJobResource.STATUS_LIST,
                            message = ProviderOffTheJobResource.STATUS_LIST_MESSAGE)
                    @Parameter(
                            description = "Only items of apprentices with one of these statuses, comma-separated "
                                    + "(default: any)",
                            example = "active,break-in-learning")
                    String apprenticeStatus,
            @Valid @BeanParam PageRequest page) {
        return service.forProvider(ukprn, status, ApprenticeAccess.statuses(apprenticeStatus), page);
    }
}
