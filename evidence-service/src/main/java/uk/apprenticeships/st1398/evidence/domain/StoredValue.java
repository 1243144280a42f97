package uk.apprenticeships.st1398.evidence.domain;

/**
 * An enum whose constants are written (in JSON and in MongoDB) as a fixed string such as {@code referred-back}
 * rather than their Java name; {@link StoredValueCodecs} stores them so.
 */
public interface StoredValue {

    String value();

    /** The constant of {@code type} written as {@code value}; IllegalArgumentException for an unknown one. */
    static <E extends Enum<E> & StoredValue> E parse(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.value().equals(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("Unknown " + type.getSimpleName() + " '" + value + "'");
    }
}
