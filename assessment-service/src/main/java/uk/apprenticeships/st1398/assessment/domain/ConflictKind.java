package uk.apprenticeships.st1398.assessment.domain;

/** Whom an assessor's conflict of interest is with: a training provider (UKPRN) or an employer. */
public enum ConflictKind {
    provider,
    employer
}
