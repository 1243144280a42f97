package uk.apprenticeships.st1398.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.assessment.domain.CertificateGrade;
import uk.apprenticeships.st1398.assessment.domain.CertificateStatus;
import uk.apprenticeships.st1398.assessment.mapping.OpenBadgeMapper;

/** The certificate rules that need no running application. */
class CertificateRulesTest {

    @Test
    void onlyDraftAndSubmittedAreAmendableAndTerminalStatusesGoNowhere() {
        assertEquals(
                EnumSet.of(CertificateStatus.Draft, CertificateStatus.Submitted),
                EnumSet.copyOf(java.util.Arrays.stream(CertificateStatus.values())
                        .filter(CertificateStatus::amendable)
                        .toList()));
        for (CertificateStatus terminal :
                EnumSet.of(CertificateStatus.Delivered, CertificateStatus.Cancelled, CertificateStatus.Deleted)) {
            assertTrue(terminal.next().isEmpty(), terminal + " is terminal");
        }
        assertFalse(CertificateStatus.Draft.next().contains(CertificateStatus.Approved), "approval needs submission");
        assertFalse(CertificateStatus.Approved.settableByAssessor());
        assertEquals(
                EnumSet.of(CertificateStatus.Approved, CertificateStatus.Printed, CertificateStatus.Delivered),
                EnumSet.copyOf(java.util.Arrays.stream(CertificateStatus.values())
                        .filter(CertificateStatus::awarded)
                        .toList()));
    }

    @Test
    void gradesAreMatchedLooselyAndFailIsNeverOne() {
        assertEquals(Optional.of(CertificateGrade.PASS_WITH_EXCELLENCE), CertificateGrade.of(" pass WITH excellence "));
        assertEquals(Optional.empty(), CertificateGrade.of("Fail"));
        assertEquals(Optional.empty(), CertificateGrade.of(null));
        assertFalse(CertificateGrade.labels().contains("Fail"));
    }

    @Test
    void identityHashFollowsOpenBadges() {
        // The Open Badges spec's own example: 'a@example.com' salted with 'Kosher'.
        assertEquals(
                "sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399",
                OpenBadgeMapper.identityHash("a@example.com", "Kosher"));
    }
}
