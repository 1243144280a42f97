package uk.apprenticeships.st1398.evidence.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Period;

/** Retention of apprentices' records ({@code evidence.retention.*}). */
@ConfigMapping(prefix = "evidence.retention")
public interface RetentionConfig {

    /**
     * How long an apprentice's record is kept after completion or withdrawal (from the effective date of that
     * status change) before it may be erased on request; an ISO-8601 period.
     */
    @WithDefault("P6Y")
    Period afterCompletion();
}
