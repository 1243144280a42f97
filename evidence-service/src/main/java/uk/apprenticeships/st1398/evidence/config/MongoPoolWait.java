package uk.apprenticeships.st1398.evidence.config;

import com.mongodb.MongoClientSettings;
import io.quarkus.mongodb.runtime.MongoClientCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How long a request waits for a pooled MongoDB connection ({@code evidence.mongodb.max-wait-time}): Quarkus has no
 * property for the driver's {@code maxWaitTime} (default 2 minutes), and a request must fail fast with a 503 rather
 * than queue behind a pool that cannot connect. The other timeouts are {@code quarkus.mongodb.*} properties.
 */
@ApplicationScoped
public class MongoPoolWait implements MongoClientCustomizer {

    private final Duration maxWaitTime;

    public MongoPoolWait(EvidenceConfig config) {
        this.maxWaitTime = config.mongodb().maxWaitTime();
    }

    @Override
    public MongoClientSettings.Builder customize(MongoClientSettings.Builder builder) {
        return builder.applyToConnectionPoolSettings(
                pool -> pool.maxWaitTime(maxWaitTime.toMillis(), TimeUnit.MILLISECONDS));
    }
}
