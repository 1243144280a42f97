package uk.apprenticeships.st1398.assessment.events;

import io.quarkus.security.PermissionsAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.apprenticeships.st1398.assessment.events.WebhookModels.DeliveryResponse;
import uk.apprenticeships.st1398.assessment.events.WebhookModels.PingResponse;
import uk.apprenticeships.st1398.assessment.events.WebhookModels.WebhookRequest;
import uk.apprenticeships.st1398.assessment.events.WebhookModels.WebhookResponse;
import uk.apprenticeships.st1398.assessment.events.WebhookModels.WebhookUpdate;
import uk.apprenticeships.st1398.assessment.service.AccessRules;
import uk.apprenticeships.st1398.platform.api.PageRequest;

@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@PermissionsAllowed(AccessRules.WEBHOOK_MANAGE)
@Tag(
        name = "Webhooks",
        description = "Subscriptions to the platform's domain events, delivered as signed POSTs (Standard Webhooks:"
                + " webhook-id, webhook-timestamp, webhook-signature), at least once, in order per apprentice, retried"
                + " for about 24 hours. A subscriber receives only events about records it may read"
                + " (docs/events.md).")
public class WebhookResource {

    private static final String STATUSES = "^(pending|sending|delivered|failed)$";

    private final WebhookService service;

    public WebhookResource(WebhookService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Subscribe to events",
            description = "The URL must be http(s); in production it must resolve to public addresses only. The"
                    + " answer carries the signing secret, shown this once. The subscription receives the events of"
                    + " the types listed that the caller's token may read (its tenant at this moment).")
    @APIResponse(
            responseCode = "201",
            description = "The subscription, with its secret",
            content = @Content(schema = @Schema(implementation = WebhookResponse.class)))
    @APIResponse(responseCode = "400", description = "A malformed URL or an unknown event type; nothing was saved")
    @APIResponse(responseCode = "422", description = "The URL's host is not one the platform calls; nothing was saved")
    public Response create(@Valid @NotNull WebhookRequest request) {
        WebhookResponse created = service.create(request);
        return Response.created(URI.create("/api/v1/webhooks/" + created.id()))
                .entity(created)
                .build();
    }

    @GET
    @Operation(summary = "List subscriptions", description = "Your own; admins see every client's. Oldest first.")
    @APIResponse(responseCode = "200", description = "A page of subscriptions (without secrets)")
    public Response list(@Valid @BeanParam PageRequest page) {
        return Response.ok(service.list(page)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(
            summary = "Read a subscription",
            description = "Your own, or any as an admin; the secret is never shown" + " again.")
    @APIResponse(
            responseCode = "200",
            description = "The subscription",
            content = @Content(schema = @Schema(implementation = WebhookResponse.class)))
    @APIResponse(responseCode = "404", description = "No such subscription of yours")
    public WebhookResponse get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change a subscription",
            description = "Members left out stay. status=active re-enables a disabled subscription: the deliveries"
                    + " that waited resume, in order.")
    @APIResponse(
            responseCode = "200",
            description = "The subscription as changed",
            content = @Content(schema = @Schema(implementation = WebhookResponse.class)))
    @APIResponse(responseCode = "400", description = "A malformed member; nothing was changed")
    @APIResponse(responseCode = "404", description = "No such subscription of yours")
    @APIResponse(responseCode = "422", description = "The new URL's host is not one the platform calls")
    public WebhookResponse update(@PathParam("id") UUID id, @Valid @NotNull WebhookUpdate update) {
        return service.update(id, update);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a subscription", description = "With its delivery log; nothing more is sent.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such subscription of yours")
    public Response delete(@PathParam("id") UUID id) {
        service.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/ping")
    @Operation(
            summary = "Send a test ping",
            description = "POSTs a signed webhook.ping event to the URL now and answers what the receiver said."
                    + " Nothing is recorded.")
    @APIResponse(
            responseCode = "200",
            description = "What the receiver answered",
            content = @Content(schema = @Schema(implementation = PingResponse.class)))
    @APIResponse(responseCode = "404", description = "No such subscription of yours")
    public PingResponse ping(@PathParam("id") UUID id) {
        return service.ping(id);
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(
            summary = "List a subscription's deliveries",
            description = "The delivery log, newest first: status, attempts, last status code, error and latency.")
    @APIResponse(responseCode = "200", description = "A page of deliveries")
    @APIResponse(responseCode = "404", description = "No such subscription of yours")
    public Response deliveries(
            @PathParam("id") UUID id,
            @QueryParam("status")
                    @Pattern(regexp = STATUSES, message = "must be pending, sending, delivered or failed")
                    @Parameter(
                            description = "Only deliveries with this status",
                            schema = @Schema(enumeration = {"pending", "sending", "delivered", "failed"}))
                    String status,
            @Valid @BeanParam PageRequest page) {
        return Response.ok(service.deliveries(id, status, page)).build();
    }

    @GET
    @Path("/{id}/deliveries/{deliveryId}")
    @Operation(summary = "Read a delivery", description = "With every attempt: when, status code, error, latency.")
    @APIResponse(
            responseCode = "200",
            description = "The delivery",
            content = @Content(schema = @Schema(implementation = DeliveryResponse.class)))
    @APIResponse(responseCode = "404", description = "No such subscription of yours, or no such delivery of it")
    public DeliveryResponse delivery(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return service.delivery(id, deliveryId);
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @Operation(
            summary = "Deliver an event again",
            description = "A new delivery of the same event (same webhook-id), due now, behind any earlier"
                    + " undelivered event of the same apprentice.")
    @APIResponse(
            responseCode = "202",
            description = "The new delivery",
            content = @Content(schema = @Schema(implementation = DeliveryResponse.class)))
    @APIResponse(responseCode = "404", description = "No such subscription of yours, or no such delivery of it")
    @APIResponse(responseCode = "409", description = "The subscription is disabled")
    public Response redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return Response.accepted(service.redeliver(id, deliveryId)).build();
    }
}
