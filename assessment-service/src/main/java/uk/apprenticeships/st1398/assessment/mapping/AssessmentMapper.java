package uk.apprenticeships.st1398.assessment.mapping;

import java.util.List;
import uk.apprenticeships.st1398.assessment.api.AssessmentResponse;
import uk.apprenticeships.st1398.assessment.api.AssessorResponse;
import uk.apprenticeships.st1398.assessment.api.AttemptResponse;
import uk.apprenticeships.st1398.assessment.api.BookingResponse;
import uk.apprenticeships.st1398.assessment.api.KsbJudgementRecord;
import uk.apprenticeships.st1398.assessment.domain.Assessment;
import uk.apprenticeships.st1398.assessment.domain.AssessmentAttempt;
import uk.apprenticeships.st1398.assessment.domain.AssessmentBooking;
import uk.apprenticeships.st1398.assessment.domain.Assessor;
import uk.apprenticeships.st1398.assessment.domain.KsbJudgement;

/** Entity to API record mapping for assessors, assessments, attempts and bookings. */
public final class AssessmentMapper {

    private AssessmentMapper() {}

    public static AssessorResponse toResponse(Assessor a) {
        return new AssessorResponse(
                a.id,
                a.organisation.epaoId,
                a.userId,
                a.name,
                a.email,
                a.conflictProviderUkprns.stream().sorted().toList(),
                a.conflictEmployerIds.stream().sorted().toList(),
                a.created.at);
    }

    public static AssessmentResponse toResponse(Assessment a) {
        return new AssessmentResponse(
                a.id,
                a.uln,
                a.familyName,
                a.standardVersion,
                a.providerUkprn,
                a.employerId,
                a.organisation.epaoId,
                a.gatewayDate,
                a.periodEnd,
                a.assessor == null ? null : a.assessor.id,
                a.created.at,
                a.updated.at,
                a.apprenticeId);
    }

    public static AttemptResponse toResponse(AssessmentAttempt a) {
        return new AttemptResponse(
                a.id,
                a.assessmentId,
                a.methodCode,
                a.kind,
                a.date,
                a.grade,
                a.ksbJudgements.stream()
                        .map(k -> new KsbJudgementRecord(k.code, k.met, k.note))
                        .toList(),
                List.copyOf(a.evidenceRefs),
                a.employerAgreed,
                a.exceptionalCircumstances,
                a.reason,
                a.correctsId,
                a.supersededBy,
                a.recorded.at,
                a.recorded.subject);
    }

    public static BookingResponse toResponse(AssessmentBooking b) {
        return new BookingResponse(
                b.id,
                b.assessmentId,
                b.methodCode,
                b.kind,
                b.date,
                b.startTime,
                b.mode,
                b.location,
                b.assessorId,
                b.employerAgreed,
                b.note,
                b.status(),
                b.booked.at,
                b.booked.subject,
                b.cancelled == null ? null : b.cancelled.at,
                b.cancelled == null ? null : b.cancelled.subject,
                b.cancellationReason,
                b.attemptId);
    }

    public static List<KsbJudgement> toEntities(List<KsbJudgementRecord> judgements) {
        return judgements == null
                ? List.of()
                : judgements.stream()
                        .map(k -> new KsbJudgement(k.code(), k.met(), k.note()))
                        .toList();
    }
}
