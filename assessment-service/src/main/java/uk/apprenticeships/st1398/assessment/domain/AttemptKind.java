package uk.apprenticeships.st1398.assessment.domain;

/** A first attempt at a method, a resit (no further learning) or a retake (after further learning). */
public enum AttemptKind {
    first, resit, retake
}
