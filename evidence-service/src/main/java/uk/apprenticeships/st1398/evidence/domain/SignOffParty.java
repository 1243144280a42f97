package uk.apprenticeships.st1398.evidence.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The three parties that sign off a progress review, each once. */
public enum SignOffParty implements StoredValue {
    APPRENTICE("apprentice"),
    PROVIDER("provider"),
    EMPLOYER("employer");

    private final String value;

    SignOffParty(String value) {
        this.value = value;
    }

    @Override
    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static SignOffParty of(String value) {
        return StoredValue.parse(SignOffParty.class, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
