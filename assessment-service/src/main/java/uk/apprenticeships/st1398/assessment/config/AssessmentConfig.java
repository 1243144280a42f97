package uk.apprenticeships.st1398.assessment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "assessment")
public interface AssessmentConfig {

    /** Base URL of standards-service: standard versions, KSBs and assessment plans. */
    @WithDefault("${STANDARDS_SERVICE_URL:http://localhost:8081}")
    URI standardsServiceUrl();

    /** Base URL of evidence-service: apprentices' portfolios, checked at the gateway to completion. */
    @WithDefault("${EVIDENCE_SERVICE_URL:http://localhost:8082}")
    URI evidenceServiceUrl();

    /**
     * Longest a report export may stream: its read-only transaction holds the database cursor meanwhile, and past it
     * the download is cut short. A million-row EPA outcomes export takes 15 to 40 s on a small, busy machine.
     */
    @WithDefault("PT30M")
    Duration reportTimeout();

    /**
     * LARS standard codes by standard reference (assessment.lars-codes.ST1398=795), for the DfE-shaped endpoints
     * that accept either. The catalogue holds the same code (standards-service seed); it is configured here so a
     * learner lookup needs no call to standards-service.
     */
    Map<String, Integer> larsCodes();

    /** Open Badges credentials issued for approved certificates. */
    Credentials credentials();

    interface Credentials {

        /** The platform's public URL (the gateway): credential and issuer ids are built under it. */
        @WithDefault("${PUBLIC_BASE_URL:http://localhost:8080}")
        URI publicBaseUrl();

        /** The standards catalogue; achievement and KSB alignment URLs are built under it. */
        @WithDefault("${CATALOGUE_BASE_URL:http://localhost:8080/api/v1/standards}")
        URI catalogueBaseUrl();

        /**
         * PKCS#8 PEM file with the RSA private key credentials are signed with, mounted from a secret. Unset,
         * a key is generated at start: development and tests only.
         */
        Optional<Path> signingKeyFile();

        /** The key id published in the JWKS and the JWT header; defaults to the key's thumbprint. */
        Optional<String> signingKeyId();
    }
}
