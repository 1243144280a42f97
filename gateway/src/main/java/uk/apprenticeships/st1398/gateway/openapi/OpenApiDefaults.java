package uk.apprenticeships.st1398.gateway.openapi;

/** Defaults of the merged contract's own settings, shared by {@code OpenApiConfig} and the build-time merger. */
public final class OpenApiDefaults {

    public static final String TITLE = "ST1398 platform API";
    public static final String VERSION = "1.0.0";
    public static final String DESCRIPTION = "The whole platform through its single entry point, the gateway: the "
            + "standards catalogue (standards area), apprentices' e-portfolios (evidence area) and end-point assessment "
            + "(assessment area). Errors are RFC 9457 problem documents (application/problem+json) with a stable "
            + "`code` (docs/errors.md). Every routed response carries the IETF rate-limit fields RateLimit-Limit, "
            + "RateLimit-Remaining and RateLimit-Reset; over the limit the gateway answers 429 `rate-limited` with "
            + "Retry-After (docs/integrators.md).";
    public static final String SERVER_URL = "http://localhost:8080";
    public static final String ISSUER = "http://localhost:18180/realms/st1398";
    public static final String CONTACT_NAME = "ST1398 platform integrations";
    public static final String CONTACT_URL = "https://st1398-platform.dev/docs/integrators";
    public static final String CONTACT_EMAIL = "integrations@st1398-platform.dev";

    private OpenApiDefaults() {}
}
