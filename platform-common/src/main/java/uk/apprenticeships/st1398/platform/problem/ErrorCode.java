package uk.apprenticeships.st1398.platform.problem;

import java.util.Locale;

/**
 * One cause of a problem response, stable once published: integrators switch on {@code code}. Each service keeps
 * its causes in one enum implementing this interface ({@code PlatformError} holds those every service shares);
 * {@code docs/errors.md} lists every code with its status and meaning, and a test per service keeps the two equal.
 */
public interface ErrorCode {

    /** The enum constant's name: {@code KSB_CODE_UNKNOWN}. */
    String name();

    /** The HTTP status every problem with this code answers with. */
    int status();

    /** The code as sent: {@code ksb-code-unknown}. */
    default String code() {
        return slug(name());
    }

    /** The problem type: the generic one for the status unless the code says otherwise. */
    default ProblemType type() {
        return ProblemType.forStatus(status());
    }

    static String slug(String constantName) {
        return constantName.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
