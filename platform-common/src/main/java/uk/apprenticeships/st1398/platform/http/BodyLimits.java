package uk.apprenticeships.st1398.platform.http;

import io.quarkus.runtime.configuration.MemorySize;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * How large a declared request body may be, per path. Most endpoints take small JSON bodies; a few (catalogue
 * imports) stream much larger ones. Quarkus has one global limit ({@code quarkus.http.limits.max-body-size}), which
 * must be the largest of all; these settings narrow it again for every other path:
 * <ul>
 * <li>{@code platform.http.body-limit}: the limit for paths not listed below (default: the global limit);</li>
 * <li>{@code platform.http.body-limits."/exact/path"}: the limit for one path (exact match, no wildcards).</li>
 * </ul>
 * A per-path limit above the global one has no effect beyond it: Quarkus still refuses what exceeds the global limit.
 */
public record BodyLimits(long defaultLimit, Map<String, Long> perPath) {

    static final String GLOBAL = "quarkus.http.limits.max-body-size";
    static final String DEFAULT = "platform.http.body-limit";
    static final String PER_PATH_PREFIX = "platform.http.body-limits.";

    public BodyLimits {
        perPath = Map.copyOf(perPath);
    }

    public long forPath(String path) {
        return perPath.getOrDefault(path, defaultLimit);
    }

    public static BodyLimits fromConfig(Config config) {
        long global = config.getOptionalValue(GLOBAL, MemorySize.class).map(MemorySize::asLongValue)
                .orElse(10L * 1024 * 1024);
        long defaultLimit = config.getOptionalValue(DEFAULT, MemorySize.class).map(MemorySize::asLongValue)
                .orElse(global);
        Map<String, Long> perPath = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            // A profile prefix (%test.) may or may not be stripped here; the lookup below resolves profiles.
            String plain = name.startsWith("%") && name.indexOf('.') > 0 ? name.substring(name.indexOf('.') + 1)
                    : name;
            if (plain.startsWith(PER_PATH_PREFIX)) {
                config.getOptionalValue(plain, MemorySize.class).ifPresent(limit -> perPath.put(
                        unquote(plain.substring(PER_PATH_PREFIX.length())), limit.asLongValue()));
            }
        }
        return new BodyLimits(defaultLimit, perPath);
    }

    /** The path is quoted in the property name because it contains dots and slashes. */
    private static String unquote(String key) {
        return key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"") ? key.substring(1, key.length() - 1)
                : key;
    }
}
