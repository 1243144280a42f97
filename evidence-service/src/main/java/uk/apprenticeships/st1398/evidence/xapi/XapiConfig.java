package uk.apprenticeships.st1398.evidence.xapi;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The Learning Record Store at /xapi (docs/xapi.md). */
@ConfigMapping(prefix = "evidence.xapi")
public interface XapiConfig {

    /** PBKDF2-HMAC-SHA256 iterations for new LMS secrets (OWASP's 2023 figure: 600 000). */
    @WithDefault("600000")
    int secretIterations();

    /** The most statements one GET answers (also what limit=0 means). */
    @WithDefault("100")
    int maxPageSize();

    /** The IRI (homePage) of the authority accounts the LRS stamps on statements, one per credential. */
    @WithDefault("https://st1398.apprenticeships.uk/xapi/credentials")
    String authorityHomePage();

    /** How often statements about actors unknown on arrival are retried (XapiPendingSweep reads it by name). */
    @WithDefault("PT5M")
    java.time.Duration pendingSweepInterval();
}
