package uk.apprenticeships.st1398.assessment.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** What a gateway record records, as sent and stored: a waiver, its withdrawal, or a declaration. */
public enum GatewayRecordKind {
    WAIVER("waiver"),
    WAIVER_WITHDRAWAL("waiver-withdrawal"),
    DECLARATION("declaration");

    private final String wire;

    GatewayRecordKind(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @Override
    public String toString() {
        return wire;
    }

    /** Stored as its wire value (gateway_record.kind). */
    @Converter
    public static class Column implements AttributeConverter<GatewayRecordKind, String> {

        @Override
        public String convertToDatabaseColumn(GatewayRecordKind kind) {
            return kind == null ? null : kind.wire;
        }

        @Override
        public GatewayRecordKind convertToEntityAttribute(String wire) {
            for (GatewayRecordKind kind : values()) {
                if (kind.wire.equals(wire)) {
                    return kind;
                }
            }
            throw new IllegalStateException("unknown gateway record kind in the database: " + wire);
        }
    }
}
