package uk.apprenticeships.st1398.evidence.mapping;

import java.time.Instant;
import java.util.List;
import uk.apprenticeships.st1398.evidence.api.EvidenceRequest;
import uk.apprenticeships.st1398.evidence.api.EvidenceResponse;
import uk.apprenticeships.st1398.evidence.api.FileResponse;
import uk.apprenticeships.st1398.evidence.api.ProviderEvidenceItem;
import uk.apprenticeships.st1398.evidence.api.WorkflowStepResponse;
import uk.apprenticeships.st1398.evidence.api.XapiOriginResponse;
import uk.apprenticeships.st1398.evidence.domain.Apprentice;
import uk.apprenticeships.st1398.evidence.domain.Evidence;
import uk.apprenticeships.st1398.evidence.domain.EvidenceContent;
import uk.apprenticeships.st1398.evidence.domain.EvidenceKind;
import uk.apprenticeships.st1398.evidence.domain.EvidenceRevision;
import uk.apprenticeships.st1398.evidence.domain.EvidenceStatus;
import uk.apprenticeships.st1398.evidence.domain.StampDoc;
import uk.apprenticeships.st1398.evidence.domain.StoredFile;
import uk.apprenticeships.st1398.evidence.domain.WorkflowAction;
import uk.apprenticeships.st1398.evidence.domain.WorkflowStep;

/** Entity to API record mapping for evidence; the only place that knows both shapes. */
public final class EvidenceMapper {

    private EvidenceMapper() {}

    public static EvidenceResponse toResponse(Evidence e) {
        return response(e, e.revision, e.status, e.content, e.employerConfirmation);
    }

    /** A superseded revision, with the workflow steps that belonged to it. */
    public static EvidenceResponse toResponse(Evidence e, EvidenceRevision r) {
        return response(e, r.revision, r.status, r.content, r.employerConfirmation);
    }

    private static EvidenceResponse response(
            Evidence e, int revision, EvidenceStatus status, EvidenceContent c, WorkflowStep confirmation) {
        List<WorkflowStepResponse> history = e.history.stream()
                .filter(s -> s.revision == revision)
                .map(EvidenceMapper::toResponse)
                .toList();
        return new EvidenceResponse(
                e.id.toHexString(),
                e.apprenticeId.toHexString(),
                revision,
                e.revision,
                e.version,
                status,
                c.kind,
                c.title,
                c.description,
                c.url,
                c.text,
                List.copyOf(c.ksbCodes),
                c.employerConfirmationRequired,
                confirmation == null ? null : toResponse(confirmation),
                c.file == null ? null : toResponse(c.file),
                history,
                e.createdAt,
                StampMapper.subject(e.createdBy),
                StampMapper.toResponse(e.createdBy),
                e.updatedAt,
                XapiOriginResponse.of(e.xapi));
    }

    /** An item in a provider-wide list: its newest revision, with its apprentice's name ({@code a} may be null). */
    public static ProviderEvidenceItem toProviderItem(Evidence e, Apprentice a) {
        EvidenceContent c = e.content;
        return new ProviderEvidenceItem(
                e.id.toHexString(),
                e.apprenticeId.toHexString(),
                a == null ? null : a.givenName,
                a == null ? null : a.familyName,
                e.revision,
                e.version,
                e.status,
                c.kind,
                c.title,
                List.copyOf(c.ksbCodes),
                c.employerConfirmationRequired,
                e.employerConfirmation == null ? null : toResponse(e.employerConfirmation),
                submittedAt(e),
                e.updatedAt);
    }

    /** When the newest revision was last submitted or resubmitted: the latest such step of its history. */
    static Instant submittedAt(Evidence e) {
        Instant at = null;
        for (WorkflowStep s : e.history) {
            if (s.revision == e.revision
                    && (s.action == WorkflowAction.SUBMITTED || s.action == WorkflowAction.RESUBMITTED)) {
                at = StampMapper.at(s.stamp);
            }
        }
        return at;
    }

    public static WorkflowStepResponse toResponse(WorkflowStep s) {
        StampDoc by = s.stamp;
        return new WorkflowStepResponse(
                s.action,
                s.status,
                s.revision,
                StampMapper.subject(by),
                by == null ? null : by.displayName,
                by == null ? null : by.role,
                by == null ? null : by.onBehalfOf,
                StampMapper.at(by),
                s.feedback);
    }

    public static FileResponse toResponse(StoredFile f) {
        return new FileResponse(
                f.filename,
                f.contentType,
                f.size,
                f.sha256,
                StampMapper.at(f.uploaded),
                StampMapper.subject(f.uploaded),
                StampMapper.toResponse(f.uploaded));
    }

    /** New content from the request; the file, if any, is carried over by the caller. */
    public static EvidenceContent toContent(EvidenceRequest r) {
        EvidenceContent c = new EvidenceContent();
        c.kind = EvidenceKind.of(r.kind());
        c.title = r.title().strip();
        c.description = blankToNull(r.description());
        c.url = blankToNull(r.url());
        c.text = blankToNull(r.text());
        c.ksbCodes = r.ksbCodes().stream().distinct().sorted().toList();
        c.employerConfirmationRequired = Boolean.TRUE.equals(r.employerConfirmationRequired());
        return c;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
