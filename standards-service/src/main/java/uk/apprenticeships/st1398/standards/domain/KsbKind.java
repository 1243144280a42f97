package uk.apprenticeships.st1398.standards.domain;

/** Knowledge, skill or behaviour; the letter starts the familiar code (K1, S1, B1). Declared in display order. */
public enum KsbKind {
    K("knowledge"),
    S("skills"),
    B("behaviours");

    private final String label;

    KsbKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String code(int position) {
        return name() + position;
    }
}
