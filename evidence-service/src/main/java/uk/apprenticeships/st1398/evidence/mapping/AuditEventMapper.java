package uk.apprenticeships.st1398.evidence.mapping;

import uk.apprenticeships.st1398.evidence.api.AuditEventResponse;
import uk.apprenticeships.st1398.evidence.domain.AuditEvent;

public final class AuditEventMapper {

    private AuditEventMapper() {}

    public static AuditEventResponse toResponse(AuditEvent e) {
        return new AuditEventResponse(
                e.id.toHexString(),
                e.seq,
                e.occurredAt,
                e.actor,
                e.actorRole,
                e.onBehalfOf,
                e.actorTenant,
                e.action,
                e.resourceType,
                e.resourceId,
                e.apprenticeId.toHexString(),
                e.requestId,
                e.beforeDigest,
                e.afterDigest,
                e.previousHash,
                e.hash);
    }
}
