package uk.apprenticeships.st1398.assessment.domain;

/** The outcome of one EPA in the DfE shape. Merit and Distinction are certificate grades, not EPA outcomes. */
public enum EpaOutcome {
    Pass, Fail, Withdrawn
}
