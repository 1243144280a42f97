package uk.apprenticeships.st1398.assessment.domain;

/** A conflict of interest declared or removed. */
public enum ConflictAction {
    Declared,
    Removed
}
