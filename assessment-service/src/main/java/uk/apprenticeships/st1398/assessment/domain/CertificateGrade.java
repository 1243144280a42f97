package uk.apprenticeships.st1398.assessment.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Overall grades a certificate can carry. Fail is deliberately absent: it is an assessment outcome, never a
 * certificate grade. The last four exist for older (framework-era and early) standards only.
 */
public enum CertificateGrade {
    PASS("Pass", true),
    MERIT("Merit", true),
    DISTINCTION("Distinction", true),
    PASS_WITH_EXCELLENCE("Pass with excellence", false),
    CREDIT("Credit", false),
    NO_GRADE_AWARDED("No grade awarded", false),
    OUTSTANDING("Outstanding", false);

    private final String label;
    private final boolean current;

    CertificateGrade(String label, boolean current) {
        this.label = label;
        this.current = current;
    }

    public String label() {
        return label;
    }

    /** Whether the grade is used by current standards (the others only by older ones). */
    public boolean current() {
        return current;
    }

    /** The grade with this label, ignoring case and surrounding spaces. */
    public static Optional<CertificateGrade> of(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String wanted = label.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(g -> g.label.toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(CertificateGrade::label).toList();
    }
}
