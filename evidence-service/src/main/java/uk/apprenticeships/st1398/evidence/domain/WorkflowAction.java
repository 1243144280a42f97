package uk.apprenticeships.st1398.evidence.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a step of an evidence item's history did; {@code evidence.<value>} is the step's audit action. */
public enum WorkflowAction implements StoredValue {
    CREATED("created"),
    UPDATED("updated"),
    FILE_UPLOADED("file-uploaded"),
    SUBMITTED("submitted"),
    RESUBMITTED("resubmitted"),
    CONFIRMED("confirmed"),
    ACCEPTED("accepted"),
    REFERRED_BACK("referred-back"),
    REVISED("revised");

    private final String value;

    WorkflowAction(String value) {
        this.value = value;
    }

    @Override
    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static WorkflowAction of(String value) {
        return StoredValue.parse(WorkflowAction.class, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
