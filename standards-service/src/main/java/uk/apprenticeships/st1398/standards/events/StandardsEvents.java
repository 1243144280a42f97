package uk.apprenticeships.st1398.standards.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import uk.apprenticeships.st1398.platform.events.DomainEvent;
import uk.apprenticeships.st1398.platform.events.EventTypes;
import uk.apprenticeships.st1398.platform.events.RelayConfig;
import uk.apprenticeships.st1398.standards.domain.StandardVersion;

/**
 * standards-service's domain events, written into {@code event_outbox} in the transaction of the change (so a
 * rolled-back import item records nothing). The catalogue is public: events carry an empty scope.
 */
@ApplicationScoped
public class StandardsEvents {

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final RelayConfig config;

    public StandardsEvents(EntityManager em, ObjectMapper json, Clock clock, RelayConfig config) {
        this.em = em;
        this.json = json;
        this.clock = clock;
        this.config = config;
    }

    /** A version created ({@code created}) or changed by an import. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void versionUpserted(StandardVersion version, boolean created, String what) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("standardReference", version.standard.reference);
        data.put("version", version.versionNumber);
        data.put("key", version.key());
        data.put("status", version.status);
        data.put("changed", what);
        record(new DomainEvent(
                UUID.randomUUID().toString(),
                created ? EventTypes.STANDARD_VERSION_IMPORTED : EventTypes.STANDARD_VERSION_CHANGED,
                clock.instant(),
                "standards-service",
                new DomainEvent.Subject("standard-version", version.key()),
                null,
                DomainEvent.Scope.PUBLIC,
                data));
    }

    private void record(DomainEvent event) {
        if (!config.enabled()) {
            return;
        }
        try {
            em.createNativeQuery("insert into event_outbox (event_id, body, created_at) values (?1, ?2, ?3)")
                    .setParameter(1, UUID.fromString(event.id()))
                    .setParameter(2, json.writeValueAsString(event))
                    .setParameter(3, OffsetDateTime.now(clock))
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
