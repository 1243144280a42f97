package uk.apprenticeships.st1398.evidence.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How far a KSB is evidenced: covered by at least one accepted item, in progress when only draft, submitted or
 * referred-back items map it, a gap otherwise.
 */
public enum KsbCoverage implements StoredValue {
    COVERED("covered"),
    IN_PROGRESS("in-progress"),
    GAP("gap");

    private final String value;

    KsbCoverage(String value) {
        this.value = value;
    }

    @Override
    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static KsbCoverage of(String value) {
        return StoredValue.parse(KsbCoverage.class, value);
    }

    public static KsbCoverage of(int accepted, int inProgress) {
        return accepted > 0 ? COVERED : inProgress > 0 ? IN_PROGRESS : GAP;
    }

    @Override
    public String toString() {
        return value;
    }
}
