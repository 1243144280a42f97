package uk.apprenticeships.st1398.assessment.events;

import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Rows of {@code webhook_delivery}. */
final class Deliveries {

    private Deliveries() {}

    static UUID insert(
            EntityManager em,
            UUID subscription,
            long position,
            String orderingKey,
            OffsetDateTime now,
            boolean manual) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into webhook_delivery (id, subscription_id, position, ordering_key, status,"
                        + " attempts, next_attempt_at, manual, created_at)"
                        + " values (?1, ?2, ?3, ?4, 'pending', 0, ?5, ?6, ?5)")
                .setParameter(1, id)
                .setParameter(2, subscription)
                .setParameter(3, position)
                .setParameter(4, orderingKey)
                .setParameter(5, now)
                .setParameter(6, manual)
                .executeUpdate();
        return id;
    }
}
