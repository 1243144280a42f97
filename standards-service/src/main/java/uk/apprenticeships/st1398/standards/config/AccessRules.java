package uk.apprenticeships.st1398.standards.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import uk.apprenticeships.st1398.platform.security.AccessPolicy;
import uk.apprenticeships.st1398.platform.security.Roles;

/**
 * Who may change the catalogue. Reads are public (the catalogue is reference data), so only writes need a
 * permission; resources declare them with {@code @PermissionsAllowed}.
 */
@ApplicationScoped
public class AccessRules implements AccessPolicy {

    /** Create and change standards and their assessment plans. */
    public static final String CATALOGUE_WRITE = "catalogue:write";
    /** Import standard versions in the Skills England feed format. */
    public static final String CATALOGUE_IMPORT = "catalogue:import";

    private static final Map<String, Set<String>> GRANTS =
            Map.of(Roles.ADMIN, Set.of(CATALOGUE_WRITE, CATALOGUE_IMPORT));

    @Override
    public Map<String, Set<String>> grants() {
        return GRANTS;
    }
}
