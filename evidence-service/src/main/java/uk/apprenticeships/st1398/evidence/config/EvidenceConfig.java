package uk.apprenticeships.st1398.evidence.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;

@ConfigMapping(prefix = "evidence")
public interface EvidenceConfig {

    /**
     * Base URL of standards-service, which owns the catalogue of standard versions apprentices are on
     * ({@code STANDARDS_SERVICE_URL} in the environment).
     */
    @WithDefault("http://localhost:8081")
    URI standardsServiceUrl();

    Files files();

    Idempotency idempotency();

    Mongodb mongodb();

    Coverage coverage();

    /** The cohort coverage figures kept on write (service/CoverageSummaries). */
    interface Coverage {

        /**
         * How long a write of a cohort's coverage may stay registered on the cohort's figures before a reader takes it
         * for a write whose process died, stops trusting the figures and counts them again from the apprentices'
         * summaries. Far longer than any write takes: a live write older than this is no longer counted on.
         */
        @WithDefault("60s")
        Duration writerTimeout();
    }

    /** MongoDB client settings Quarkus has no property for (config/MongoPoolWait). */
    interface Mongodb {

        /**
         * How long a request waits for a pooled connection before it fails (503 {@code database-unavailable});
         * the driver's default is 2 minutes.
         */
        @WithDefault("1500ms")
        Duration maxWaitTime();

        /**
         * How long one of the start-up checks that read a whole collection may take (the stamp migration's search for
         * documents in the old shape, service/StampMigration): longer than {@code quarkus.mongodb.read-timeout},
         * which is sized for requests. MongoDB answers it from a collection scan; the dev stack's wire server took
         * about 0.7 s per 24,000 evidence items (docs/operations.md).
         */
        @WithDefault("2m")
        Duration startUpScanTimeout();
    }

    interface Idempotency {

        /**
         * How long an {@code Idempotency-Key} is remembered. An older key is ignored (a retry with it creates a new
         * item) and deleted by the scheduled clean-up.
         */
        @WithDefault("PT24H")
        Duration retention();

        /** How often expired keys are deleted. */
        @WithDefault("PT1H")
        Duration cleanUpInterval();
    }

    interface Files {

        /** Largest evidence file accepted; larger uploads are refused with 413 and nothing is kept. */
        @WithDefault("100M")
        MemorySize maxSize();

        /** Content types accepted for evidence files; each is checked against the file's leading bytes. */
        @WithDefault("application/pdf,image/png,image/jpeg,"
                + "application/vnd.openxmlformats-officedocument.wordprocessingml.document,"
                + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/plain,text/csv,video/mp4")
        List<String> allowedTypes();
    }
}
