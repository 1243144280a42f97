package uk.apprenticeships.st1398.evidence.mapping;

import java.time.LocalDate;
import java.time.Period;
import uk.apprenticeships.st1398.evidence.service.EvidencePermissions;
import uk.apprenticeships.st1398.platform.security.Caller;

/**
 * Which members of an apprentice a caller receives (OWASP API3, property-level access), from the {@code view:*}
 * permissions of its roles.
 */
public enum ApprenticeView {
    /** Everything: the apprentice themself, their provider's staff, admins. */
    FULL,
    /** No date of birth (the age at start instead); the status history without who and why. */
    EMPLOYER,
    /**
     * What an end-point assessment needs: identity (the date of birth included: the assessment checks it, and the
     * age-at-start conditions of a plan's gateway requirements read it), programme, status; no status history,
     * contract or leave.
     */
    ASSESSOR;

    public static ApprenticeView of(Caller caller) {
        if (caller.may(EvidencePermissions.VIEW_FULL)) {
            return FULL;
        }
        return caller.may(EvidencePermissions.VIEW_EMPLOYER) ? EMPLOYER : ASSESSOR;
    }

    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Integer ageAt(LocalDate dateOfBirth, LocalDate day) {
        return dateOfBirth == null || day == null
                ? null
                : Period.between(dateOfBirth, day).getYears();
    }
}
