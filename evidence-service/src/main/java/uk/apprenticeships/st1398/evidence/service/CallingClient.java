package uk.apprenticeships.st1398.evidence.service;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import uk.apprenticeships.st1398.platform.security.Claims;

/**
 * The client application the caller's token was issued to (its {@code azp}, else its {@code client_id}): the key
 * under which an apprentice's {@code externalIds} hold that client's own id for the apprentice.
 */
@RequestScoped
public class CallingClient {

    private final SecurityIdentity identity;

    public CallingClient(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Optional<String> id() {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Optional.empty();
        }
        for (String claim : new String[] {Claims.AUTHORIZED_PARTY, Claims.CLIENT_ID}) {
            Object value = jwt.getClaim(claim);
            String text = value instanceof jakarta.json.JsonString json
                    ? json.getString()
                    : value == null ? null : value.toString();
            if (text != null && !text.isBlank()) {
                return Optional.of(text);
            }
        }
        return Optional.empty();
    }
}
