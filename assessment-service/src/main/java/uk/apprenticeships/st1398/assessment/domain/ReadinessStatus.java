package uk.apprenticeships.st1398.assessment.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * A gateway readiness item's outcome, as sent and stored ({@link #wire()}): passed, failed, waived (failed but
 * waived by the assessment organisation) or not-applicable (outside the requirement's conditions).
 */
public enum ReadinessStatus {
    PASSED("passed"),
    FAILED("failed"),
    WAIVED("waived"),
    NOT_APPLICABLE("not-applicable");

    private final String wire;

    ReadinessStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static ReadinessStatus of(String wire) {
        for (ReadinessStatus status : values()) {
            if (status.wire.equals(wire)) {
                return status;
            }
        }
        throw new IllegalArgumentException("not a readiness status: " + wire);
    }

    @Override
    public String toString() {
        return wire;
    }

    /** Stored as its wire value (gateway_component.readiness_status). */
    @Converter
    public static class Column implements AttributeConverter<ReadinessStatus, String> {

        @Override
        public String convertToDatabaseColumn(ReadinessStatus status) {
            return status == null ? null : status.wire;
        }

        @Override
        public ReadinessStatus convertToEntityAttribute(String wire) {
            return wire == null ? null : of(wire);
        }
    }
}
