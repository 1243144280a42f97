package uk.apprenticeships.st1398.assessment.domain;

/** The outcome of one EPA in the DfE shape. Merit and Distinction are certificate grades, not EPA outcomes. */
public enum EpaOutcome {
    Pass,
    Fail,
    Withdrawn;

    /** Nothing follows a Pass or a withdrawal; a Fail is followed by a resit, a retake or a withdrawal. */
    public boolean isFinal() {
        return this != Fail;
    }

    /**
     * Whether an EPA with outcome {@code next}, a resit or retake ({@code again}) or not, may follow one with this
     * outcome: only after a Fail, and then a withdrawal is not a resit or retake while any other outcome must be.
     */
    public boolean mayBeFollowedBy(EpaOutcome next, boolean again) {
        return this == Fail && (next == Withdrawn) != again;
    }
}
