package uk.apprenticeships.st1398.assessment.mapping;

import java.util.Arrays;
import java.util.List;
import uk.apprenticeships.st1398.assessment.api.CertificateRequest;
import uk.apprenticeships.st1398.assessment.api.CertificateResponse;
import uk.apprenticeships.st1398.assessment.domain.Certificate;
import uk.apprenticeships.st1398.assessment.domain.CertificateGrade;
import uk.apprenticeships.st1398.assessment.domain.CertificateHistory;

/** Certificate entity to API records and back; the only place that knows both shapes. */
public final class CertificateMapper {

    private CertificateMapper() {}

    public static CertificateResponse toResponse(Certificate c, List<CertificateHistory> history) {
        return new CertificateResponse(
                c.reference,
                c.organisation.epaoId,
                c.status.name(),
                new CertificateRequest.Standard(c.standardCode, c.standardReference),
                new CertificateRequest.Learner(c.uln, c.familyName, c.givenNames),
                new CertificateRequest.LearningDetails(
                        c.version, c.courseOption, c.overallGrade, c.achievementDate, c.providerUkprn, ksbCodes(c)),
                new CertificateRequest.PostalContact(
                        c.contactName,
                        c.department,
                        c.contactOrganisation,
                        c.addressLine1,
                        c.addressLine2,
                        c.addressLine3,
                        c.addressLine4,
                        c.city,
                        c.postCode),
                c.created.at,
                c.updated.at,
                c.approvedAt,
                history == null
                        ? null
                        : history.stream().map(CertificateMapper::toChange).toList());
    }

    public static CertificateResponse toResponse(Certificate c) {
        return toResponse(c, null);
    }

    public static List<String> ksbCodes(Certificate c) {
        return c.ksbCodes.isEmpty() ? List.of() : Arrays.asList(c.ksbCodes.split(","));
    }

    /**
     * Copies the replaceable fields onto the entity (the grade as its canonical label). Reference,
     * organisation, status and audit fields are the caller's business.
     */
    public static void apply(CertificateRequest r, CertificateGrade grade, Certificate c) {
        c.standardCode = r.standard().standardCode();
        c.standardReference = r.standard().standardReference();
        c.uln = r.learner().uln();
        c.familyName = r.learner().familyName().strip();
        c.givenNames = strip(r.learner().givenNames());
        c.version = r.learningDetails().version();
        c.courseOption = strip(r.learningDetails().courseOption());
        c.overallGrade = grade.label();
        c.achievementDate = r.learningDetails().achievementDate();
        c.providerUkprn = r.learningDetails().providerUkprn();
        List<String> ksbs = r.learningDetails().ksbCodes();
        c.ksbCodes =
                ksbs == null ? "" : String.join(",", ksbs.stream().distinct().toList());
        CertificateRequest.PostalContact p = r.postalContact();
        c.contactName = p.contactName().strip();
        c.department = strip(p.department());
        c.contactOrganisation = strip(p.organisation());
        c.addressLine1 = p.addressLine1().strip();
        c.addressLine2 = strip(p.addressLine2());
        c.addressLine3 = strip(p.addressLine3());
        c.addressLine4 = strip(p.addressLine4());
        c.city = p.city().strip();
        c.postCode = p.postCode().strip().toUpperCase(java.util.Locale.ROOT);
    }

    private static CertificateResponse.Change toChange(CertificateHistory h) {
        return new CertificateResponse.Change(
                h.action.name(), h.status.name(), h.changed.at, h.changed.subject, h.note);
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
