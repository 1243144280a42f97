package uk.apprenticeships.st1398.evidence.xapi;

import static uk.apprenticeships.st1398.evidence.service.EvidencePermissions.SEE_ALL;
import static uk.apprenticeships.st1398.evidence.service.EvidencePermissions.XAPI_MAPPINGS;
import static uk.apprenticeships.st1398.evidence.service.EvidencePermissions.XAPI_READ;
import static uk.apprenticeships.st1398.evidence.service.EvidencePermissions.XAPI_WRITE;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.RequestScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import uk.apprenticeships.st1398.evidence.service.EvidenceError;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.problem.PlatformError;
import uk.apprenticeships.st1398.platform.security.Caller;
import uk.apprenticeships.st1398.platform.security.CurrentCaller;

/**
 * Who calls /xapi: an LMS credential (HTTP Basic, Communication 4.1 "Authentication") or a platform bearer token
 * whose roles grant {@code xapi:read} / {@code xapi:write} (AccessRules). Either way the caller acts for one
 * training provider, except an admin's token, which reads every provider's statements and writes none.
 */
@RequestScoped
public class XapiAccess {

    /**
     * @param providerUkprn the provider whose statements the caller reads and writes; null: every provider (admin)
     * @param authority the Agent the LRS records as the statements' authority
     * @param mayJoinIdentities whether the Agents resource may answer identities the caller did not give (the
     *     explicit permission of Communication 2.4.s3.b1: {@code xapi-mappings:manage}, which tutors and admins
     *     hold; not an LMS credential)
     */
    public record Principal(
            String providerUkprn, boolean mayRead, boolean mayWrite, ObjectNode authority, boolean mayJoinIdentities) {}

    private final XapiCredentialCheck check;
    private final CurrentCaller current;
    private final XapiConfig config;
    private Principal principal;

    public XapiAccess(XapiCredentialCheck check, CurrentCaller current, XapiConfig config) {
        this.check = check;
        this.current = current;
        this.config = config;
    }

    /** The caller, from the Authorization header; 401 without valid credentials. */
    public Principal principal(String authorization) {
        if (principal == null) {
            principal = resolve(authorization);
        }
        return principal;
    }

    public Principal reader(String authorization) {
        Principal p = principal(authorization);
        if (!p.mayRead()) {
            throw ApiException.of(PlatformError.ROLE_NOT_ALLOWED, "Your roles do not allow reading xAPI statements.")
                    .with("permission", XAPI_READ);
        }
        return p;
    }

    public Principal writer(String authorization) {
        Principal p = principal(authorization);
        if (!p.mayWrite() || p.providerUkprn() == null) {
            throw ApiException.of(
                            EvidenceError.XAPI_WRITE_FORBIDDEN,
                            "Statements are sent by a provider's LMS (an LMS credential or a token with " + XAPI_WRITE
                                    + " acting for one provider).")
                    .with("permission", XAPI_WRITE);
        }
        return p;
    }

    private Principal resolve(String authorization) {
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(
                        Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw invalidCredentials();
            }
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                throw invalidCredentials();
            }
            String secret = decoded.substring(colon + 1);
            XapiCredentialCheck.Verified verified =
                    check.verify(decoded.substring(0, colon), XapiCredentialCheck.sha256(secret), secret);
            return new Principal(
                    verified.providerUkprn(), true, true, authority(verified.key(), verified.name()), false);
        }
        Caller caller = current.get();
        if (caller.kind() == Caller.Kind.ANONYMOUS) {
            throw ApiException.of(
                    PlatformError.AUTHENTICATION_REQUIRED,
                    "Send an LMS credential (HTTP Basic: key and secret) or a bearer token.");
        }
        boolean all = caller.may(SEE_ALL);
        String provider =
                all ? null : caller.may(XAPI_READ) || caller.may(XAPI_WRITE) ? caller.requireProviderUkprn() : null;
        return new Principal(
                provider,
                caller.may(XAPI_READ),
                caller.may(XAPI_WRITE) && provider != null,
                authority(caller.subject(), caller.displayName()),
                caller.may(XAPI_MAPPINGS));
    }

    private ObjectNode authority(String name, String displayName) {
        ObjectNode agent = JsonNodeFactory.instance.objectNode();
        agent.put("objectType", "Agent");
        if (displayName != null) {
            agent.put("name", displayName);
        }
        agent.putObject("account").put("homePage", config.authorityHomePage()).put("name", name);
        return agent;
    }

    private static ApiException invalidCredentials() {
        return ApiException.of(
                EvidenceError.XAPI_CREDENTIALS_INVALID,
                "The Authorization header is not HTTP Basic" + " key:secret in Base64.");
    }
}
