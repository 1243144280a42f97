package uk.apprenticeships.st1398.evidence.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An apprentice's status. Withdrawn and completed are final (the records are closed); a break in learning ends by
 * returning to active or by withdrawal. The transitions are here and nowhere else.
 */
public enum ApprenticeStatus implements StoredValue {
    ACTIVE("active"),
    BREAK_IN_LEARNING("break-in-learning"),
    WITHDRAWN("withdrawn"),
    COMPLETED("completed");

    private static final Map<ApprenticeStatus, Set<ApprenticeStatus>> NEXT = Map.of(
            ACTIVE, EnumSet.of(BREAK_IN_LEARNING, WITHDRAWN, COMPLETED),
            BREAK_IN_LEARNING, EnumSet.of(ACTIVE, WITHDRAWN),
            WITHDRAWN, EnumSet.noneOf(ApprenticeStatus.class),
            COMPLETED, EnumSet.noneOf(ApprenticeStatus.class));

    private final String value;

    ApprenticeStatus(String value) {
        this.value = value;
    }

    @Override
    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static ApprenticeStatus of(String value) {
        return StoredValue.parse(ApprenticeStatus.class, value);
    }

    public boolean canMoveTo(ApprenticeStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** The statuses this one may change to, in declaration order. */
    public List<ApprenticeStatus> next() {
        return List.copyOf(NEXT.get(this));
    }

    /** Withdrawn or completed: the records are closed, and may be erased once retention allows. */
    public boolean closed() {
        return NEXT.get(this).isEmpty();
    }

    @Override
    public String toString() {
        return value;
    }
}
