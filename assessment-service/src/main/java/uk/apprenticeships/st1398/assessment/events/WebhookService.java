package uk.apprenticeships.st1398.assessment.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import uk.apprenticeships.st1398.assessment.events.WebhookModels.AttemptResponse;
import uk.apprenticeships.st1398.assessment.events.WebhookModels.DeliveryResponse;
import uk.apprenticeships.st1398.assessment.events.WebhookModels.PingResponse;
import uk.apprenticeships.st1398.assessment.events.WebhookModels.WebhookRequest;
import uk.apprenticeships.st1398.assessment.events.WebhookModels.WebhookResponse;
import uk.apprenticeships.st1398.assessment.events.WebhookModels.WebhookUpdate;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;
import uk.apprenticeships.st1398.platform.events.DomainEvent;
import uk.apprenticeships.st1398.platform.events.EventAudience;
import uk.apprenticeships.st1398.platform.events.EventTypes;
import uk.apprenticeships.st1398.platform.events.OutboundUrlGuard;
import uk.apprenticeships.st1398.platform.events.WebhookSignatures;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.security.Caller;
import uk.apprenticeships.st1398.platform.security.CurrentCaller;

/**
 * Subscriptions, their delivery log, manual redelivery and the test ping. A subscription belongs to the client that
 * created it (its token subject); only that client and admins see or change it, anyone else gets 404. Its audience
 * (which events it receives) is the creator's tenant keys at creation ({@link EventAudience}).
 */
@ApplicationScoped
public class WebhookService {

    private static final String COLUMNS =
            "id, url, event_types, description, status, disabled_reason, owner_subject," + " created_at, updated_at";
    private static final String DELIVERY_COLUMNS = "d.id, e.event_id, e.type, d.status, d.attempts, d.next_attempt_at,"
            + " d.last_attempt_at, d.last_status_code, d.last_error, d.last_latency_ms, d.manual, d.created_at";

    private final EntityManager em;
    private final CurrentCaller caller;
    private final Clock clock;
    private final WebhookSender sender;
    private final ObjectMapper json;

    public WebhookService(
            EntityManager em, CurrentCaller caller, Clock clock, WebhookSender sender, ObjectMapper json) {
        this.em = em;
        this.caller = caller;
        this.clock = clock;
        this.sender = sender;
        this.json = json;
    }

    @Transactional
    public WebhookResponse create(WebhookRequest request) {
        Caller me = caller.get();
        EventAudience audience = EventAudience.of(me);
        List<String> types = types(request.eventTypes());
        checkUrl(request.url());
        UUID id = UUID.randomUUID();
        String secret = WebhookSignatures.newSecret();
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.createNativeQuery("insert into webhook_subscription (id, owner_subject, owner_name, url, event_types,"
                        + " description, secret, audience_all, provider_ukprn, employer_id, epao_id, uln, status,"
                        + " created_at, updated_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
                        + " 'active', ?13, ?13)")
                .setParameter(1, id)
                .setParameter(2, me.subject())
                .setParameter(3, me.displayName())
                .setParameter(4, request.url().strip())
                .setParameter(5, String.join(",", types))
                .setParameter(6, request.description())
                .setParameter(7, secret)
                .setParameter(8, audience.all())
                .setParameter(9, audience.providerUkprn())
                .setParameter(10, audience.employerId())
                .setParameter(11, audience.epaoId())
                .setParameter(12, audience.uln())
                .setParameter(13, now)
                .executeUpdate();
        Log.infof("Webhook subscription %s created by %s for %s", id, me.subject(), types);
        WebhookResponse created = get(id);
        return new WebhookResponse(
                created.id(),
                created.url(),
                created.eventTypes(),
                created.description(),
                created.status(),
                created.disabledReason(),
                created.owner(),
                created.createdAt(),
                created.updatedAt(),
                secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<WebhookResponse> list(PageRequest page) {
        Caller me = caller.get();
        String where = me.isAdmin() ? "" : " where owner_subject = ?1";
        var count = em.createNativeQuery("select count(*) from webhook_subscription" + where);
        var select = em.createNativeQuery("select " + COLUMNS + " from webhook_subscription" + where
                + " order by created_at, id" + " offset " + page.offset() + " limit " + page.size());
        if (!me.isAdmin()) {
            count.setParameter(1, me.subject());
            select.setParameter(1, me.subject());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.getResultList();
        return PageResponse.of(rows, WebhookService::toResponse, page, ((Number) count.getSingleResult()).longValue());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WebhookResponse get(UUID id) {
        return toResponse(row(id));
    }

    @Transactional
    public WebhookResponse update(UUID id, WebhookUpdate update) {
        Object[] current = row(id);
        String url = update.url() == null ? (String) current[1] : update.url().strip();
        if (update.url() != null) {
            checkUrl(url);
        }
        String types = update.eventTypes() == null ? (String) current[2] : String.join(",", types(update.eventTypes()));
        String description = update.description() == null ? (String) current[3] : update.description();
        String status = (String) current[4];
        String reason = (String) current[5];
        if (update.status() != null) {
            if (!update.status().equals("active") && !update.status().equals("disabled")) {
                throw ApiException.invalid("status", "must be active or disabled");
            }
            if (!update.status().equals(status)) {
                reason = update.status().equals("disabled")
                        ? "Disabled by " + caller.get().displayName()
                        : null;
            }
            status = update.status();
        }
        em.createNativeQuery("update webhook_subscription set url = ?2, event_types = ?3, description = ?4,"
                        + " status = ?5, disabled_reason = ?6, updated_at = ?7 where id = ?1")
                .setParameter(1, id)
                .setParameter(2, url)
                .setParameter(3, types)
                .setParameter(4, description)
                .setParameter(5, status)
                .setParameter(6, reason)
                .setParameter(7, OffsetDateTime.now(clock))
                .executeUpdate();
        return get(id);
    }

    @Transactional
    public void delete(UUID id) {
        row(id);
        em.createNativeQuery("delete from webhook_subscription where id = ?1")
                .setParameter(1, id)
                .executeUpdate();
        Log.infof("Webhook subscription %s deleted by %s", id, caller.get().subject());
    }

    /** Sends a signed {@code webhook.ping} now and answers what the receiver said (nothing is recorded). */
    public PingResponse ping(UUID id) {
        Object[] row = visibleSecret(id);
        String url = (String) row[0];
        String secret = (String) row[1];
        String messageId = UUID.randomUUID().toString();
        DomainEvent ping = new DomainEvent(
                messageId,
                EventTypes.WEBHOOK_PING,
                clock.instant(),
                "assessment-service",
                new DomainEvent.Subject("webhook-subscription", id.toString()),
                null,
                DomainEvent.Scope.PUBLIC,
                Map.of("message", "A test ping: this subscription's URL is reachable and can verify signatures."));
        String body;
        try {
            body = json.writeValueAsString(ping);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        WebhookSender.Outcome outcome = sender.send(url, secret, messageId, body);
        if (outcome.statusCode() == null && outcome.connectionLost()) {
            // A pooled keep-alive connection the receiver had just closed: one more try on a fresh connection, so a
            // ping reports the receiver, not the connection pool's race.
            outcome = sender.send(url, secret, messageId, body);
        }
        return new PingResponse(
                outcome.delivered(), outcome.statusCode(), outcome.error(), outcome.latencyMs(), messageId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<DeliveryResponse> deliveries(UUID id, String status, PageRequest page) {
        row(id);
        String where = " where d.subscription_id = ?1" + (status == null ? "" : " and d.status = ?2");
        var count = em.createNativeQuery("select count(*) from webhook_delivery d" + where)
                .setParameter(1, id);
        var select = em.createNativeQuery("select " + DELIVERY_COLUMNS
                        + " from webhook_delivery d join event_log e on e.position = d.position" + where
                        + " order by d.created_at desc, d.position desc, d.id offset " + page.offset() + " limit "
                        + page.size())
                .setParameter(1, id);
        if (status != null) {
            count.setParameter(2, status);
            select.setParameter(2, status);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.getResultList();
        Function<Object[], DeliveryResponse> map = r -> delivery(r, null);
        return PageResponse.of(rows, map, page, ((Number) count.getSingleResult()).longValue());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DeliveryResponse delivery(UUID id, UUID deliveryId) {
        row(id);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + DELIVERY_COLUMNS
                        + " from webhook_delivery d join event_log e on e.position = d.position"
                        + " where d.subscription_id = ?1 and d.id = ?2")
                .setParameter(1, id)
                .setParameter(2, deliveryId)
                .getResultList();
        if (rows.isEmpty()) {
            throw deliveryNotFound(id, deliveryId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> attempts = em.createNativeQuery("select attempt, started_at, status_code, error, latency_ms"
                        + " from webhook_attempt where delivery_id = ?1 order by attempt, id")
                .setParameter(1, deliveryId)
                .getResultList();
        List<AttemptResponse> log = new ArrayList<>();
        for (Object[] a : attempts) {
            log.add(new AttemptResponse(
                    ((Number) a[0]).intValue(),
                    offset(a[1]),
                    a[2] == null ? null : ((Number) a[2]).intValue(),
                    (String) a[3],
                    ((Number) a[4]).intValue()));
        }
        return delivery(rows.get(0), log);
    }

    /** A new delivery of the same event, due now (behind any earlier undelivered event of that apprentice). */
    @Transactional
    public DeliveryResponse redeliver(UUID id, UUID deliveryId) {
        Object[] subscription = row(id);
        if (!"active".equals(subscription[4])) {
            throw ApiException.of(
                            EventError.WEBHOOK_DISABLED,
                            "Subscription " + id + " is disabled; re-enable it (PATCH status=active) first.")
                    .with("webhookId", id);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select position, ordering_key from webhook_delivery"
                        + " where subscription_id = ?1 and id = ?2")
                .setParameter(1, id)
                .setParameter(2, deliveryId)
                .getResultList();
        if (rows.isEmpty()) {
            throw deliveryNotFound(id, deliveryId);
        }
        UUID created = Deliveries.insert(
                em,
                id,
                ((Number) rows.get(0)[0]).longValue(),
                (String) rows.get(0)[1],
                OffsetDateTime.now(clock),
                true);
        Log.infof(
                "Redelivery %s of delivery %s asked by %s",
                created, deliveryId, caller.get().subject());
        return delivery(id, created);
    }

    // ------------------------------------------------------------------------------------------ helpers

    private Object[] row(UUID id) {
        Caller me = caller.get();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from webhook_subscription where id = ?1")
                .setParameter(1, id)
                .getResultList();
        if (rows.isEmpty() || !(me.isAdmin() || me.subject().equals(rows.get(0)[6]))) {
            throw ApiException.of(EventError.WEBHOOK_NOT_FOUND, "No webhook subscription " + id + " of yours.")
                    .with("webhookId", id);
        }
        return rows.get(0);
    }

    private Object[] visibleSecret(UUID id) {
        row(id);
        return (Object[]) em.createNativeQuery("select url, secret from webhook_subscription where id = ?1")
                .setParameter(1, id)
                .getSingleResult();
    }

    private void checkUrl(String url) {
        String shape = OutboundUrlGuard.shapeProblem(url.strip());
        if (shape != null) {
            throw ApiException.invalid("url", shape);
        }
        try {
            sender.guard().check(url.strip());
        } catch (OutboundUrlGuard.Refused e) {
            throw ApiException.of(EventError.WEBHOOK_URL_REFUSED, e.getMessage() + " Nothing was saved.")
                    .with("url", url);
        }
    }

    static List<String> types(List<String> requested) {
        LinkedHashSet<String> types = new LinkedHashSet<>();
        for (String type : requested) {
            if (!EventTypes.isKnown(type)) {
                throw ApiException.of(
                                EventError.EVENT_TYPE_UNKNOWN,
                                "Unknown event type '" + type + "'; nothing was saved. The catalogue is in"
                                        + " docs/events.md.")
                        .with("eventType", type)
                        .with("eventTypes", EventTypes.ALL);
            }
            types.add(type);
        }
        return List.copyOf(types);
    }

    private static ApiException deliveryNotFound(UUID id, UUID deliveryId) {
        return ApiException.of(
                        EventError.DELIVERY_NOT_FOUND,
                        "No delivery " + deliveryId + " of webhook subscription " + id + ".")
                .with("deliveryId", deliveryId);
    }

    private static WebhookResponse toResponse(Object[] r) {
        return new WebhookResponse(
                (UUID) r[0],
                (String) r[1],
                Arrays.asList(((String) r[2]).split(",")),
                (String) r[3],
                (String) r[4],
                (String) r[5],
                (String) r[6],
                offset(r[7]),
                offset(r[8]),
                null);
    }

    private static DeliveryResponse delivery(Object[] r, List<AttemptResponse> attempts) {
        return new DeliveryResponse(
                (UUID) r[0],
                (UUID) r[1],
                (String) r[2],
                (String) r[3],
                ((Number) r[4]).intValue(),
                "pending".equals(r[3]) ? offset(r[5]) : null,
                offset(r[6]),
                r[7] == null ? null : ((Number) r[7]).intValue(),
                (String) r[8],
                r[9] == null ? null : ((Number) r[9]).intValue(),
                (Boolean) r[10],
                offset(r[11]),
                attempts);
    }

    static OffsetDateTime offset(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("Not a time: " + value.getClass());
    }
}
