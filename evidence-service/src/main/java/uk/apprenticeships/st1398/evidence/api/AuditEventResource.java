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
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.apprenticeships.st1398.evidence.service.AuditEventService;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;
import uk.apprenticeships.st1398.platform.problem.ApiException;

/** Read only: the audit trail has no PUT, PATCH or DELETE, here or anywhere (those methods answer 405). */
@Path("/api/v1/apprentices/{id}/audit-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Audit and governance",
        description = "The append-only audit trail, subject-access export and " + "erasure on request")
public class AuditEventResource {

    private static final String INSTANT_MESSAGE = "must be an ISO-8601 instant such as 2026-01-31T00:00:00Z";

    private final AuditEventService service;

    public AuditEventResource(AuditEventService service) {
        this.service = service;
    }

    @GET
    @PermissionsAllowed(AUDIT_READ)
    @Operation(
            summary = "List an apprentice's audit events",
            description = "Every change to the apprentice's "
                    + "records (and every subject-access export) in the order it happened (`seq`). Events hold ids and "
                    + "SHA-256 digests of the document before and after, no personal data; they cannot be changed or "
                    + "deleted and survive erasure, so this endpoint still answers for an erased apprentice. Admins, and "
                    + "tutors of the apprentice's provider (another provider's apprentice answers 404). Each event's `hash` "
                    + "covers the previous event's hash: the chain proves nothing was removed or altered.")
    @APIResponse(responseCode = "200", description = "A page of audit events, oldest first")
    public PageResponse<AuditEventResponse> list(
            @PathParam("id")
                    @Pattern(regexp = ApprenticeResource.ID, message = EvidenceResource.ID_MESSAGE)
                    @Parameter(description = "Apprentice id")
                    String id,
            @QueryParam("action")
                    @Pattern(regexp = "^[a-z-]+\\.[a-z-]+$", message = "must look like evidence.submitted")
                    @Parameter(description = "Only events with this action", example = "evidence.submitted")
                    String action,
            @QueryParam("from")
                    @Parameter(description = "Only events at or after this instant", example = "2026-01-01T00:00:00Z")
                    String from,
            @QueryParam("to")
                    @Parameter(description = "Only events before this instant", example = "2026-02-01T00:00:00Z")
                    String to,
            @Valid @BeanParam PageRequest page) {
        return service.list(id, action, instant("from", from), instant("to", to), page);
    }

    private static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(name, INSTANT_MESSAGE);
        }
    }
}
