package uk.apprenticeships.st1398.platform.security;

import java.util.List;

/**
 * The realm roles of the platform (identity/st1398-realm.json), the only place their names are written. Listed
 * from the widest to the narrowest: a caller's {@link Caller#primaryRole() primary role} is the first they hold.
 */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String REGULATOR = "regulator";
    public static final String TUTOR = "tutor";
    public static final String LMS_INTEGRATION = "lms-integration";
    public static final String EMPLOYER = "employer";
    public static final String ASSESSOR = "assessor";
    public static final String APPRENTICE = "apprentice";

    /** Every role, widest first. */
    public static final List<String> ALL =
            List.of(ADMIN, REGULATOR, TUTOR, LMS_INTEGRATION, EMPLOYER, ASSESSOR, APPRENTICE);

    private Roles() {}
}
