package uk.apprenticeships.st1398.platform.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import java.util.Map;
import java.util.Optional;

/**
 * Request body limits per path, enforced by {@link HttpConventions}. {@code quarkus.http.limits.max-body-size}
 * stays the hard ceiling (Quarkus refuses anything above it itself), so it must be at least the largest limit
 * configured here.
 *
 * <pre>
 * quarkus.http.limits.max-body-size=101M
 * platform.http.default-body-limit=1M
 * platform.http.body-limits."/api/v1/apprentices/*&#47;evidence/*&#47;file"=101M
 * </pre>
 */
@ConfigMapping(prefix = "platform.http")
public interface BodyLimitsConfig {

    /** Limit for paths no glob matches; without it, {@code quarkus.http.limits.max-body-size} applies. */
    Optional<MemorySize> defaultBodyLimit();

    /**
     * Limits by path glob: {@code *} matches within one path segment, {@code **} across segments. When several
     * globs match, the longest (most specific) wins.
     */
    Map<String, MemorySize> bodyLimits();
}
