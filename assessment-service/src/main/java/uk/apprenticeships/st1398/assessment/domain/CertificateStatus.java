package uk.apprenticeships.st1398.assessment.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * A certificate's lifecycle, as in the DfE assessment service. Assessors move their own certificates from
 * Draft to Ready or Submitted (or delete them before submission); the approving body (admin) approves,
 * prints, delivers or cancels.
 */
public enum CertificateStatus {
    Draft,
    Ready,
    Submitted,
    Approved,
    Printed,
    Delivered,
    Cancelled,
    Deleted;

    /** The statuses this one may move to, whoever asks. */
    public Set<CertificateStatus> next() {
        return switch (this) {
            case Draft -> EnumSet.of(Ready, Submitted, Deleted);
            case Ready -> EnumSet.of(Draft, Submitted, Deleted);
            case Submitted -> EnumSet.of(Draft, Approved, Cancelled);
            case Approved -> EnumSet.of(Printed, Cancelled);
            case Printed -> EnumSet.of(Delivered, Cancelled);
            case Delivered, Cancelled, Deleted -> EnumSet.noneOf(CertificateStatus.class);
        };
    }

    /** Whether a certificate in this status may move to {@code target} (the one transition table). */
    public boolean canMoveTo(CertificateStatus target) {
        return next().contains(target);
    }

    /** Only these can be amended (PUT); any other answers 409. */
    public boolean amendable() {
        return this == Draft || this == Submitted;
    }

    /** Statuses an assessor may set; the rest are the approving body's (admin). */
    public boolean settableByAssessor() {
        return this == Draft || this == Ready || this == Submitted || this == Deleted;
    }

    /** Whether a credential (Open Badge) is issued: the certificate has been approved and not cancelled. */
    public boolean awarded() {
        return this == Approved || this == Printed || this == Delivered;
    }
}
