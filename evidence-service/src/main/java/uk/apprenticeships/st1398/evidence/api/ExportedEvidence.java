package uk.apprenticeships.st1398.evidence.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "ExportedEvidence",
        description = "One evidence item in a subject-access export: its newest "
                + "revision, every superseded revision, and the whole workflow history")
public record ExportedEvidence(
        EvidenceResponse current, List<EvidenceResponse> revisions, List<WorkflowStepResponse> history) {}
