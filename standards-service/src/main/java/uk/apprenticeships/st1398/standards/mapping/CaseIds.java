package uk.apprenticeships.st1398.standards.mapping;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Identifiers of the CASE export that have no row of their own. They are name-based UUIDs (version 3, as
 * {@link UUID#nameUUIDFromBytes}) of a readable name, the scheme the seed already uses for KSB and duty ids, so the
 * same content always gets the same identifier, on every instance and after every reload. KSBs and duties keep
 * their own ids as CFItem identifiers.
 */
public final class CaseIds {

    public static final String IS_CHILD_OF = "isChildOf";
    public static final String IS_RELATED_TO = "isRelatedTo";

    private CaseIds() {}

    /** {@code CFDocument/ST1398_1.0}. The package of a document has the document's identifier, as in CASE. */
    public static UUID document(String versionKey) {
        return of("CFDocument/" + versionKey);
    }

    /** {@code CFAssociation/isChildOf/<item>/<document>}. */
    public static UUID childOf(UUID item, UUID document) {
        return of("CFAssociation/" + IS_CHILD_OF + "/" + item + "/" + document);
    }

    /** {@code CFAssociation/isRelatedTo/<duty>/<ksb>}. */
    public static UUID dutyToKsb(UUID duty, UUID ksb) {
        return of("CFAssociation/" + IS_RELATED_TO + "/" + duty + "/" + ksb);
    }

    /** {@code CFItemType/Knowledge}: one per type across every document. */
    public static UUID itemType(String title) {
        return of("CFItemType/" + title);
    }

    /** {@code CFAssociationGrouping/duty-ksb-mapping}. */
    public static UUID dutyKsbGrouping() {
        return of("CFAssociationGrouping/duty-ksb-mapping");
    }

    static UUID of(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
