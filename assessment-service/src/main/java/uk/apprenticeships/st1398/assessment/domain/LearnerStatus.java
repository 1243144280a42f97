package uk.apprenticeships.st1398.assessment.domain;

/**
 * Where a learner stands in the DfE shape, derived from the latest EPA of the standing EPA record: Registered (no
 * EPA yet), InAssessment (the latest failed: a resit or retake may follow), Passed or Withdrawn (both final).
 */
public enum LearnerStatus {
    Registered,
    InAssessment,
    Passed,
    Withdrawn;

    /** The status after an EPA with this outcome. */
    public static LearnerStatus after(EpaOutcome latest) {
        return switch (latest) {
            case Pass -> Passed;
            case Fail -> InAssessment;
            case Withdrawn -> Withdrawn;
        };
    }
}
