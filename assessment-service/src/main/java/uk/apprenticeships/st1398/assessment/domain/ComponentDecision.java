package uk.apprenticeships.st1398.assessment.domain;

/** The assessment organisation's decision on one component of a gateway submission (stored as its name). */
public enum ComponentDecision {
    accepted,
    rejected
}
