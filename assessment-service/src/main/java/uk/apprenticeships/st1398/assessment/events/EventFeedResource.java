package uk.apprenticeships.st1398.assessment.events;

import io.quarkus.security.PermissionsAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.apprenticeships.st1398.assessment.events.EventFeedService.EventPage;
import uk.apprenticeships.st1398.assessment.service.AccessRules;

@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@PermissionsAllowed(AccessRules.EVENT_READ)
@Tag(
        name = "Events",
        description = "The change feed: the same events webhooks carry, in one stable order, for clients that pull or"
                + " catch up after an outage (docs/events.md).")
public class EventFeedResource {

    private final EventFeedService service;

    public EventFeedResource(EventFeedService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "Read the change feed",
            description = "Events after the cursor, oldest first, only those about records the caller may read. Start"
                    + " without after; keep the answer's next and pass it as after next time (also when a page is"
                    + " empty). Events are kept for the retention period (90 days by default); a cursor older than"
                    + " that answers 410.")
    @APIResponse(
            responseCode = "200",
            description = "A page of events",
            content = @Content(schema = @Schema(implementation = EventPage.class)))
    @APIResponse(responseCode = "400", description = "A cursor this feed did not give, or an unknown event type")
    @APIResponse(responseCode = "410", description = "The cursor is older than the retention period")
    public EventPage read(
            @QueryParam("after") @Size(max = 100) @Parameter(description = "The next of the previous page")
                    String after,
            @QueryParam("types")
                    @Parameter(description = "Only these event types (comma-separated, or the parameter repeated)")
                    List<@Size(max = 1000) String> types,
            @QueryParam("limit")
                    @DefaultValue("100")
                    @Min(1)
                    @Max(500)
                    @Parameter(description = "Events per page (1-500)")
                    int limit) {
        List<String> flat = new ArrayList<>();
        if (types != null) {
            for (String t : types) {
                for (String part : t.split(",")) {
                    if (!part.isBlank()) {
                        flat.add(part.strip());
                    }
                }
            }
        }
        return service.read(after, flat, limit);
    }
}
