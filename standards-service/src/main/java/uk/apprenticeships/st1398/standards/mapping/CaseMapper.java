package uk.apprenticeships.st1398.standards.mapping;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import uk.apprenticeships.st1398.standards.api.Completeness;
import uk.apprenticeships.st1398.standards.api.Completeness.KindCompleteness;
import uk.apprenticeships.st1398.standards.api.casev1p1.CfAssociation;
import uk.apprenticeships.st1398.standards.api.casev1p1.CfAssociationGrouping;
import uk.apprenticeships.st1398.standards.api.casev1p1.CfDefinitions;
import uk.apprenticeships.st1398.standards.api.casev1p1.CfDocument;
import uk.apprenticeships.st1398.standards.api.casev1p1.CfDocumentExtensions;
import uk.apprenticeships.st1398.standards.api.casev1p1.CfItem;
import uk.apprenticeships.st1398.standards.api.casev1p1.CfItemExtensions;
import uk.apprenticeships.st1398.standards.api.casev1p1.CfItemType;
import uk.apprenticeships.st1398.standards.api.casev1p1.CfLinkGenUri;
import uk.apprenticeships.st1398.standards.api.casev1p1.CfLinkUri;
import uk.apprenticeships.st1398.standards.api.casev1p1.CfPackage;
import uk.apprenticeships.st1398.standards.domain.Duty;
import uk.apprenticeships.st1398.standards.domain.Ksb;
import uk.apprenticeships.st1398.standards.domain.KsbKind;
import uk.apprenticeships.st1398.standards.domain.StandardVersion;

/**
 * A standard version as a CASE 1.1 framework. The version is a CFDocument; every KSB and duty is a CFItem that
 * {@code isChildOf} the document; every duty-to-KSB link of the source is an {@code isRelatedTo} association from
 * the duty to the KSB. Texts are never invented: an item whose text the source does not give says so in its
 * {@code fullStatement} and {@code notes}.
 */
public final class CaseMapper {

    public static final String CASE_VERSION = "1.1";
    public static final String CREATOR = "Skills England";
    public static final String DUTY = "Duty";

    /** The item types and the grouping are fixed by this mapping, so they change only with it. */
    static final String DEFINITIONS_CHANGED = "2026-11-22T00:00:00Z";

    private static final Comparator<Ksb> CODE_ORDER =
            Comparator.comparing((Ksb k) -> k.kind).thenComparingInt(k -> k.position);

    /** The CASE types in the order items are listed: K, S, B (as the standard lists them), then duties. */
    private static final Map<String, ItemTypeInfo> TYPES = Stream.of(
                    new ItemTypeInfo(
                            "Knowledge",
                            "K",
                            "What an apprentice must know: a knowledge item of an "
                                    + "apprenticeship standard, coded K1, K2... in the standard's order."),
                    new ItemTypeInfo(
                            "Skill",
                            "S",
                            "What an apprentice must be able to do: a skill of an apprenticeship "
                                    + "standard, coded S1, S2... in the standard's order."),
                    new ItemTypeInfo(
                            "Behaviour",
                            "B",
                            "How an apprentice must behave: a behaviour of an apprenticeship "
                                    + "standard, coded B1, B2... in the standard's order."),
                    new ItemTypeInfo(
                            DUTY,
                            "D",
                            "A duty of the occupation, coded D1, D2... in the standard's order; it is "
                                    + "related to the knowledge, skills and behaviours it needs."))
            .collect(Collectors.toMap(
                    ItemTypeInfo::title, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));

    private record ItemTypeInfo(String title, String code, String description) {}

    private final String base;

    public CaseMapper(URI baseUri) {
        String b = baseUri.toString();
        this.base = b.endsWith("/") ? b : b + "/";
    }

    // -------------------------------------------------------------------------------------------- entry points

    public CfPackage toPackage(StandardVersion v) {
        Context c = new Context(v);
        List<CfItem> items = new ArrayList<>();
        List<CfAssociation> associations = new ArrayList<>();
        int sequence = 0;
        for (Ksb k : v.ksbs.stream().sorted(CODE_ORDER).toList()) {
            CfItem item = toItem(c, k);
            items.add(item);
            associations.add(childOf(c, item, ++sequence));
        }
        for (Duty d : v.duties) {
            CfItem item = toItem(c, d);
            items.add(item);
            associations.add(childOf(c, item, ++sequence));
        }
        for (Duty d : v.duties) {
            if (!d.ksbMappingKnown) {
                continue;
            }
            int order = 0;
            for (Ksb k : d.ksbs.stream().sorted(CODE_ORDER).toList()) {
                associations.add(dutyToKsb(c, d, k, ++order));
            }
        }
        List<CfItemType> types = items.stream()
                .map(CfItem::cfItemType)
                .distinct()
                .map(this::itemType)
                .toList();
        boolean mapped = associations.stream().anyMatch(a -> CaseIds.IS_RELATED_TO.equals(a.associationType()));
        List<CfAssociationGrouping> groupings = mapped ? List.of(dutyKsbGrouping()) : List.of();
        return new CfPackage(c.document, items, associations, new CfDefinitions(types, groupings));
    }

    /** The document outside a package: with its {@code CFPackageURI}. */
    public CfDocument toDocument(StandardVersion v) {
        CfDocument document = new Context(v).document;
        return document.withPackageUri(
                new CfLinkUri(document.title(), document.identifier(), uri("CFPackages", document.identifier())));
    }

    /** The link from an item or association outside its package back to its document. */
    public static CfLinkUri documentLink(CfDocument document) {
        return new CfLinkUri(document.title(), document.identifier(), document.uri());
    }

    /** @return null if there is no such item type */
    public CfItemType itemType(UUID identifier) {
        return TYPES.keySet().stream()
                .filter(t -> CaseIds.itemType(t).equals(identifier))
                .findFirst()
                .map(this::itemType)
                .orElse(null);
    }

    public CfAssociationGrouping dutyKsbGrouping() {
        UUID id = CaseIds.dutyKsbGrouping();
        return new CfAssociationGrouping(
                id,
                uri("CFAssociationGroupings", id),
                "Duty to KSB mapping",
                "Links from each duty to the knowledge items, skills and behaviours the standard maps it to "
                        + "(association type isRelatedTo, from the duty to the KSB). Only versions whose source "
                        + "gives the mapping have them.",
                DEFINITIONS_CHANGED);
    }

    // -------------------------------------------------------------------------------------------- document

    /** What every record of one package shares. */
    private final class Context {
        final StandardVersion version;
        final String changed;
        final CfDocument document;

        Context(StandardVersion v) {
            this.version = v;
            this.changed = dateTime(v.standard.updatedAt);
            this.document = document(v, changed);
        }

        String label() {
            return version.standard.reference + " " + version.versionNumber;
        }

        String sourceName() {
            return version.source != null ? version.source : "the source this version was loaded from";
        }
    }

    private CfDocument document(StandardVersion v, String changed) {
        UUID id = CaseIds.document(v.key());
        Completeness completeness = VersionMapper.completeness(v);
        String title = v.standard.title + " (" + v.standard.reference + ", version " + v.versionNumber + ")";
        boolean approved = StandardMapper.APPROVED.equals(v.status);
        return new CfDocument(
                id,
                uri("CFDocuments", id),
                "Apprenticeship standard",
                CASE_VERSION,
                CREATOR,
                title,
                changed,
                v.standard.standardPageUrl,
                v.standard.overview,
                v.standard.route == null ? null : List.of(v.standard.route),
                "en",
                v.versionNumber,
                adoptionStatus(v.status),
                approved ? v.approvedForDelivery : null,
                documentNotes(v, completeness),
                new CfDocumentExtensions(
                        v.standard.reference, v.versionNumber, v.key(), v.status, v.source, completeness.complete()),
                null);
    }

    /**
     * CASE leaves adoptionStatus open; these are the values CASE publishers commonly use. The Skills England status
     * itself is kept in the document's extensions.
     */
    static String adoptionStatus(String status) {
        return switch (status) {
            case "Approved for delivery" -> "Adopted";
            case "In development", "Proposal in development" -> "Draft";
            case "Retired", "Withdrawn" -> "Deprecated";
            default -> status;
        };
    }

    private static String documentNotes(StandardVersion v, Completeness c) {
        StringBuilder notes = new StringBuilder("Exported by the ST1398 apprenticeship data platform from its "
                + "catalogue. Skills England status: " + v.status + ". Source: "
                + (v.source != null ? v.source : "not recorded") + ".");
        if (v.sourceNote != null) {
            notes.append(' ').append(v.sourceNote.strip());
            if (!v.sourceNote.strip().endsWith(".")) {
                notes.append('.');
            }
        }
        notes.append(" Completeness: ")
                .append(kind("knowledge items", c.knowledge()))
                .append("; ")
                .append(kind("skills", c.skills()))
                .append("; ")
                .append(kind("behaviours", c.behaviours()))
                .append("; ")
                .append(c.duties().present())
                .append(" of ")
                .append(c.duties().expected())
                .append(" duties with text; duty-to-KSB mapping ")
                .append(
                        c.duties().mappingAvailable()
                                ? "given (isRelatedTo associations from each duty)"
                                : "not given by the source, so there are no duty-to-KSB associations")
                .append('.');
        if (!c.complete()) {
            notes.append(" Where the source does not give a text, the item's fullStatement says so in square "
                    + "brackets; no text is invented or copied from another version.");
        }
        return notes.toString();
    }

    private static String kind(String label, KindCompleteness k) {
        StringBuilder s = new StringBuilder()
                .append(k.present())
                .append(" of ")
                .append(k.expected())
                .append(' ')
                .append(label)
                .append(" with text");
        if (!k.missingCodes().isEmpty()) {
            s.append(" (missing: ").append(ranges(k.missingCodes())).append(')');
        }
        if (!k.truncatedCodes().isEmpty()) {
            s.append(" (cut off by the source: ")
                    .append(ranges(k.truncatedCodes()))
                    .append(')');
        }
        return s.toString();
    }

    /** K6, K7, K8, K10 becomes K6–K8, K10: codes of one kind in order. */
    static String ranges(List<String> codes) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < codes.size()) {
            int j = i;
            while (j + 1 < codes.size() && number(codes.get(j + 1)) == number(codes.get(j)) + 1) {
                j++;
            }
            parts.add(j == i ? codes.get(i) : codes.get(i) + "\u2013" + codes.get(j));
            i = j + 1;
        }
        return String.join(", ", parts);
    }

    private static int number(String code) {
        return Integer.parseInt(code.substring(1));
    }

    // -------------------------------------------------------------------------------------------- items

    private CfItem toItem(Context c, Ksb k) {
        String type = typeOf(k.kind);
        return item(c, k.id, type, k.code(), k.position, k.detail, k.detailTruncated, null);
    }

    private CfItem toItem(Context c, Duty d) {
        return item(c, d.id, DUTY, "D" + d.position, d.position, d.detail, false, d.ksbMappingKnown);
    }

    private CfItem item(
            Context c,
            UUID id,
            String type,
            String code,
            int position,
            String detail,
            boolean truncated,
            Boolean mappingKnown) {
        List<String> notes = new ArrayList<>();
        String statement = detail;
        if (detail == null) {
            statement = "[Text not available in the source: " + code + " of " + c.label() + "]";
            notes.add("The source of " + c.label() + " (" + c.sourceName() + ") does not give this text; it is "
                    + "not filled in from any other version.");
        } else if (truncated) {
            notes.add("The source of " + c.label() + " (" + c.sourceName() + ") cuts this text off; it is given "
                    + "exactly as shown there.");
        }
        if (Boolean.FALSE.equals(mappingKnown)) {
            notes.add("The source does not give this duty's KSB mapping, so it has no associations to knowledge "
                    + "items, skills or behaviours (unknown, not none).");
        }
        UUID typeId = CaseIds.itemType(type);
        return new CfItem(
                id,
                statement,
                type,
                uri("CFItems", id),
                code,
                Integer.toString(position),
                notes.isEmpty() ? null : String.join(" ", notes),
                "en",
                new CfLinkUri(type, typeId, uri("CFItemTypes", typeId)),
                c.changed,
                new CfItemExtensions(detail != null, detail != null && !truncated, mappingKnown),
                null);
    }

    private static String typeOf(KsbKind kind) {
        return switch (kind) {
            case K -> "Knowledge";
            case S -> "Skill";
            case B -> "Behaviour";
        };
    }

    private CfItemType itemType(String title) {
        ItemTypeInfo info = TYPES.get(title);
        UUID id = CaseIds.itemType(title);
        return new CfItemType(
                id, uri("CFItemTypes", id), title, info.description(), info.code(), title, DEFINITIONS_CHANGED);
    }

    // -------------------------------------------------------------------------------------------- associations

    private CfAssociation childOf(Context c, CfItem item, int sequence) {
        UUID id = CaseIds.childOf(item.identifier(), c.document.identifier());
        return new CfAssociation(
                id,
                CaseIds.IS_CHILD_OF,
                sequence,
                uri("CFAssociations", id),
                node(item),
                new CfLinkGenUri(c.document.title(), c.document.identifier().toString(), c.document.uri(), "CASE"),
                null,
                c.changed,
                null,
                null);
    }

    private CfAssociation dutyToKsb(Context c, Duty d, Ksb k, int sequence) {
        UUID id = CaseIds.dutyToKsb(d.id, k.id);
        CfAssociationGrouping grouping = dutyKsbGrouping();
        return new CfAssociation(
                id,
                CaseIds.IS_RELATED_TO,
                sequence,
                uri("CFAssociations", id),
                new CfLinkGenUri("D" + d.position, d.id.toString(), uri("CFItems", d.id), "CASE"),
                new CfLinkGenUri(k.code(), k.id.toString(), uri("CFItems", k.id), "CASE"),
                new CfLinkUri(grouping.title(), grouping.identifier(), grouping.uri()),
                c.changed,
                "D" + d.position + " maps to " + k.code() + " in " + c.label() + ".",
                null);
    }

    private static CfLinkGenUri node(CfItem item) {
        return new CfLinkGenUri(item.humanCodingScheme(), item.identifier().toString(), item.uri(), "CASE");
    }

    // -------------------------------------------------------------------------------------------- helpers

    private String uri(String collection, UUID id) {
        return base + collection + "/" + id;
    }

    /** RFC 3339 in UTC to the second: what CASE's date-time wants, and stable for entity tags. */
    static String dateTime(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
