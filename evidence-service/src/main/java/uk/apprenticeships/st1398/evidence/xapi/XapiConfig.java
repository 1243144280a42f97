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

    /**
     * A PEM file of CA certificates that signed statements must chain to (docs/xapi.md, "Signed statements"). Unset
     * (the default): the x5c header's first certificate verifies the signature and the chain is not judged, as Data
     * 2.6 asks (validating against x5c "is intended as a way to catch mistakes in the signature, not as a security
     * measure"; authenticating signers is outside the specification). Set: a signature needs an x5c chain that
     * validates (PKIX, without revocation checks) to one of these anchors, else the request is refused (400).
     */
    java.util.Optional<String> signatureTrustAnchors();

    /**
     * How old an attachment upload whose statements were never stored ({@code metadata.committed: false}) must be
     * before the sweep deletes it. A request commits its uploads seconds after the last one closes, so an hour leaves
     * a wide margin.
     */
    @WithDefault("PT1H")
    java.time.Duration uncommittedAttachmentGrace();
}
