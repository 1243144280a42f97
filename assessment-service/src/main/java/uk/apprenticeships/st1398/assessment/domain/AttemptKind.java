package uk.apprenticeships.st1398.assessment.domain;

/** A first attempt at a method, a resit (no further learning) or a retake (after further learning). */
public enum AttemptKind {
    first,
    resit,
    retake;

    /**
     * Whether an attempt of this kind may follow the method's latest standing attempt, judged by kind and outcome
     * only ({@code null}: the method has none yet): a first attempt only when there is none; a resit or retake only
     * after a failed attempt. The plan's further conditions (agreement, limits, caps) are GradingRules'.
     */
    public boolean mayFollow(AttemptKind latest, boolean latestFailed) {
        return this == first ? latest == null : latest != null && latestFailed;
    }
}
