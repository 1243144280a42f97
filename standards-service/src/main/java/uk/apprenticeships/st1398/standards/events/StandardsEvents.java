package uk.apprenticeships.st1398.standards.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.apprenticeships.st1398.platform.events.DomainEvent;
import uk.apprenticeships.st1398.platform.events.EventTypes;
import uk.apprenticeships.st1398.platform.events.RelayConfig;
import uk.apprenticeships.st1398.standards.domain.Standard;
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

    /** A version created ({@code created}) or changed by an import ({@code what}: {@code import} or {@code seed}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void versionUpserted(StandardVersion version, boolean created, String what) {
        versionEvent(version, created, what, null);
    }

    /**
     * {@code standard-version.changed} for a change to part of a version ({@code what}: {@code assessment-plan}),
     * naming the parts ({@code sections}: the plan's top-level members whose value changed).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void versionChanged(StandardVersion version, String what, List<String> sections) {
        versionEvent(version, false, what, sections);
    }

    /**
     * {@code standard.changed}: a standard's own fields were created ({@code action} {@code created}) or changed
     * ({@code updated}); {@code fields} names those whose value changed (never their values).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void standardChanged(Standard standard, String action, List<String> fields) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("standardReference", standard.reference);
        data.put("action", action);
        data.put("fields", List.copyOf(fields));
        record(new DomainEvent(
                UUID.randomUUID().toString(),
                EventTypes.STANDARD_CHANGED,
                clock.instant(),
                "standards-service",
                new DomainEvent.Subject("standard", standard.reference),
                null,
                DomainEvent.Scope.PUBLIC,
                data));
    }

    private void versionEvent(StandardVersion version, boolean created, String what, List<String> sections) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("standardReference", version.standard.reference);
        data.put("version", version.versionNumber);
        data.put("key", version.key());
        data.put("status", version.status);
        data.put("changed", what);
        if (sections != null) {
            data.put("sections", List.copyOf(sections));
        }
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
