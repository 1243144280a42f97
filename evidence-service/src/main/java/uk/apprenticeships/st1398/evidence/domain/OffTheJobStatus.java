package uk.apprenticeships.st1398.evidence.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** An off-the-job entry is pending until the provider's tutor approves or rejects it, once; decisions are final. */
public enum OffTheJobStatus implements StoredValue {
    PENDING("pending"),
    APPROVED("approved"),
    REJECTED("rejected");

    private final String value;

    OffTheJobStatus(String value) {
        this.value = value;
    }

    @Override
    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static OffTheJobStatus of(String value) {
        return StoredValue.parse(OffTheJobStatus.class, value);
    }

    /** The one transition table: pending → approved or rejected; nothing else. */
    public boolean canMoveTo(OffTheJobStatus next) {
        return this == PENDING && next != PENDING;
    }

    @Override
    public String toString() {
        return value;
    }
}
