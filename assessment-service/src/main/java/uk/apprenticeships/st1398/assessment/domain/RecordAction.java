package uk.apprenticeships.st1398.assessment.domain;

/** What a history row of a certificate or an EPA record records (stored as its name). */
public enum RecordAction {
    Created,
    Amended,
    StatusChanged,
    Updated,
    Deleted
}
