package uk.apprenticeships.st1398.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.MDC;
import uk.apprenticeships.st1398.platform.http.RequestIds;

/**
 * The request's {@link Caller}, resolved from the token on first use and kept for the rest of the request. Inject
 * this (a request-scoped proxy) into resources and services and call {@link #get()}.
 */
@RequestScoped
public class CurrentCaller {

    private final SecurityIdentity identity;
    private final Instance<AccessPolicy> policy;
    private Caller caller;

    public CurrentCaller(SecurityIdentity identity, Instance<AccessPolicy> policy) {
        this.identity = identity;
        this.policy = policy;
    }

    public Caller get() {
        if (caller == null) {
            Object requestId = MDC.get(RequestIds.MDC_KEY);
            caller = resolve(
                    identity,
                    policy.isResolvable() ? policy.get() : null,
                    requestId == null ? null : requestId.toString());
        }
        return caller;
    }

    /** The caller a token describes; tenant claims that do not have their documented form are left out. */
    public static Caller resolve(SecurityIdentity identity, AccessPolicy policy, String requestId) {
        if (identity == null || identity.isAnonymous()) {
            return Caller.anonymous(requestId);
        }
        JsonWebToken jwt = identity.getPrincipal() instanceof JsonWebToken token ? token : null;
        String username = claim(jwt, "preferred_username");
        String subject = jwt != null && jwt.getSubject() != null
                ? jwt.getSubject()
                : identity.getPrincipal().getName();
        String clientId = claim(jwt, "client_id");
        boolean client = clientId != null || username != null && username.startsWith("service-account-");
        String name = claim(jwt, "name");
        String displayName = client
                ? (clientId != null ? clientId : username.substring("service-account-".length()))
                : name != null
                        ? name
                        : username != null ? username : identity.getPrincipal().getName();
        Set<String> roles = Set.copyOf(identity.getRoles());
        return new Caller(
                subject,
                displayName,
                client ? Caller.Kind.CLIENT : Caller.Kind.PERSON,
                roles,
                policy == null ? Set.of() : policy.permissionsOf(roles),
                matching(claim(jwt, Claims.PROVIDER_UKPRN), Caller.UKPRN),
                nonBlank(claim(jwt, Claims.EMPLOYER_ID)),
                matching(claim(jwt, Claims.EPAO_ID), Caller.EPAO_ID),
                matching(claim(jwt, Claims.ULN), Caller.ULN),
                actor(jwt),
                requestId);
    }

    private static String actor(JsonWebToken jwt) {
        Object act = jwt == null ? null : jwt.getClaim(Claims.ACT);
        if (act instanceof JsonObject json && json.get("sub") instanceof JsonString sub) {
            return sub.getString();
        }
        return null;
    }

    private static String claim(JsonWebToken jwt, String name) {
        Object value = jwt == null ? null : jwt.getClaim(name);
        if (value instanceof JsonString json) {
            return json.getString();
        }
        if (value instanceof JsonNumber number) {
            // A UKPRN or ULN mapped as a number: its digits, as when mapped as a string.
            return number.toString();
        }
        return value instanceof String || value instanceof Number ? value.toString() : null;
    }

    private static String matching(String value, Pattern form) {
        return value != null && form.matcher(value).matches() ? value : null;
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
