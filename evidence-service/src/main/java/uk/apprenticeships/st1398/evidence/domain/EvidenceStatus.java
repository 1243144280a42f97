package uk.apprenticeships.st1398.evidence.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The review workflow of an evidence revision: draft → submitted → accepted or referred-back; referred-back →
 * submitted again; a change to accepted evidence opens the next revision as a draft. The transitions are here and
 * nowhere else.
 */
public enum EvidenceStatus implements StoredValue {
    DRAFT("draft"),
    SUBMITTED("submitted"),
    REFERRED_BACK("referred-back"),
    ACCEPTED("accepted");

    private static final Map<EvidenceStatus, Set<EvidenceStatus>> NEXT = Map.of(
            DRAFT, EnumSet.of(SUBMITTED),
            SUBMITTED, EnumSet.of(ACCEPTED, REFERRED_BACK),
            REFERRED_BACK, EnumSet.of(SUBMITTED),
            ACCEPTED, EnumSet.of(DRAFT));

    private final String value;

    EvidenceStatus(String value) {
        this.value = value;
    }

    @Override
    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static EvidenceStatus of(String value) {
        return StoredValue.parse(EvidenceStatus.class, value);
    }

    public boolean canMoveTo(EvidenceStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Content (and file) may change in place: drafts and referred-back items. */
    public boolean editable() {
        return this == DRAFT || this == REFERRED_BACK;
    }

    @Override
    public String toString() {
        return value;
    }
}
