package uk.apprenticeships.st1398.evidence.service;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Set;

/**
 * The caller of an evidence operation: their tenant scope (whose apprentices they see) and their roles, which
 * decide which workflow steps they may take.
 */
public record EvidenceCaller(CallerScope scope, Set<String> roles) {

    public static EvidenceCaller of(SecurityIdentity identity) {
        return new EvidenceCaller(CallerScope.of(identity), Set.copyOf(identity.getRoles()));
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public String actor() {
        return scope.actor();
    }
}
