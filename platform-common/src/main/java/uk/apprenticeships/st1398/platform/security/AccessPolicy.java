package uk.apprenticeships.st1398.platform.security;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may do what in one service, in one place: each role's permissions. A service declares exactly one
 * {@code @ApplicationScoped} implementation; {@link PolicyAugmentor} grants the permissions to every authenticated
 * caller, so resources declare what they do with {@code @PermissionsAllowed("evidence:review")} and services ask
 * {@link Caller#may(String)}. Which records a permitted caller sees (its tenant) is decided by the tenant claims,
 * and foreign records answer 404 as if absent.
 */
public interface AccessPolicy {

    /** Role name ({@link Roles}) to the permissions it grants in this service. */
    Map<String, Set<String>> grants();

    /** The permissions the given roles grant together. */
    default Set<String> permissionsOf(Set<String> roles) {
        Set<String> granted = new TreeSet<>();
        for (String role : roles) {
            granted.addAll(grants().getOrDefault(role, Set.of()));
        }
        return granted;
    }
}
