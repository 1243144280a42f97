package uk.apprenticeships.st1398.platform.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Set;

/** Grants each authenticated caller the permissions its roles have in this service's {@link AccessPolicy}. */
@ApplicationScoped
public class PolicyAugmentor implements SecurityIdentityAugmentor {

    private final Instance<AccessPolicy> policy;

    public PolicyAugmentor(Instance<AccessPolicy> policy) {
        this.policy = policy;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !policy.isResolvable()) {
            return Uni.createFrom().item(identity);
        }
        Set<String> permissions = policy.get().permissionsOf(identity.getRoles());
        if (permissions.isEmpty()) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom()
                .item(QuarkusSecurityIdentity.builder(identity)
                        .addPermissionsAsString(permissions)
                        .build());
    }
}
