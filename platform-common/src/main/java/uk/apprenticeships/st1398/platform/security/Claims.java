package uk.apprenticeships.st1398.platform.security;

/** The token claims the realm maps into access tokens and the platform reads. */
public final class Claims {

    /** The training provider (UKPRN, 8 digits) a tutor or LMS client acts for; also on apprentices. */
    public static final String PROVIDER_UKPRN = "provider_ukprn";
    /** The employer an employer user acts for; also on apprentices. */
    public static final String EMPLOYER_ID = "employer_id";
    /** The end-point assessment organisation (EPA0000) an assessor acts for. */
    public static final String EPAO_ID = "epao_id";
    /** The apprentice's Unique Learner Number (10 digits). */
    public static final String ULN = "uln";
    /** OpenID Connect authorised party: the client the token was issued to (Keycloak sets it on every token). */
    public static final String AUTHORIZED_PARTY = "azp";
    /** The client id Keycloak adds to a client-credentials token. */
    public static final String CLIENT_ID = "client_id";
    /** RFC 8693 actor: who a delegated token acts for ({@code act.sub}). */
    public static final String ACT = "act";

    private Claims() {}
}
