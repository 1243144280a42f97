package uk.apprenticeships.st1398.evidence.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What an evidence item is, and which content each kind requires. */
public enum EvidenceKind implements StoredValue {
    FILE("file"),
    LINK("link"),
    REFLECTION("reflection"),
    OBSERVATION("observation"),
    WITNESS_STATEMENT("witness-statement"),
    PROJECT_ARTEFACT("project-artefact"),
    /** Made by the xAPI Learning Record Store from an LMS statement (docs/xapi.md); never sent by clients. */
    XAPI_STATEMENT("xapi-statement");

    private final String value;

    EvidenceKind(String value) {
        this.value = value;
    }

    @Override
    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static EvidenceKind of(String value) {
        return StoredValue.parse(EvidenceKind.class, value);
    }

    public boolean needsUrl() {
        return this == LINK;
    }

    public boolean needsText() {
        return this == REFLECTION || this == OBSERVATION || this == WITNESS_STATEMENT;
    }

    /** A file must be uploaded before the item can be submitted. */
    public boolean needsFile() {
        return this == FILE;
    }

    @Override
    public String toString() {
        return value;
    }
}
