package uk.apprenticeships.st1398.platform.api;

/**
 * Substring search patterns for JPQL {@code like}. Use with {@code like :p escape '!'}: the escape character
 * must be explicit because Hibernate renders a bare {@code like} on PostgreSQL with {@code escape ''}, which
 * turns the default backslash escape off, so a user's {@code %} or {@code _} would otherwise be a wildcard.
 */
public final class LikePatterns {

    public static final char ESCAPE = '!';

    private LikePatterns() {}

    /** {@code %value%} with {@code %}, {@code _} and {@code !} in the value made literal. */
    public static String contains(String value) {
        return "%" + value.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
