package uk.apprenticeships.st1398.standards.casev1p1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.standards.api.casev1p1.CfAssociation;
import uk.apprenticeships.st1398.standards.api.casev1p1.CfItem;
import uk.apprenticeships.st1398.standards.api.casev1p1.CfPackage;
import uk.apprenticeships.st1398.standards.domain.Duty;
import uk.apprenticeships.st1398.standards.domain.Ksb;
import uk.apprenticeships.st1398.standards.domain.KsbKind;
import uk.apprenticeships.st1398.standards.domain.Standard;
import uk.apprenticeships.st1398.standards.domain.StandardVersion;
import uk.apprenticeships.st1398.standards.mapping.CaseMapper;

/** The mapping without a database: uris from the configured base, statuses, and honesty about missing text. */
class CaseMapperTest {

    private static StandardVersion version(String status) {
        Standard standard = new Standard();
        standard.reference = "ST9999";
        standard.title = "Test occupation";
        standard.level = 3;
        standard.updatedAt = OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 600_000_000, ZoneOffset.ofHours(1));
        StandardVersion v = new StandardVersion();
        v.standard = standard;
        v.versionNumber = "2.0";
        v.status = status;
        v.source = "Test source";
        Ksb written = ksb(v, 1, "Knows things.");
        Ksb missing = ksb(v, 2, null);
        Duty duty = new Duty();
        duty.id = UUID.randomUUID();
        duty.version = v;
        duty.position = 1;
        duty.detail = null;
        duty.ksbMappingKnown = true;
        duty.ksbs.add(missing);
        duty.ksbs.add(written);
        v.duties.add(duty);
        return v;
    }

    private static Ksb ksb(StandardVersion v, int position, String detail) {
        Ksb k = new Ksb();
        k.id = UUID.randomUUID();
        k.version = v;
        k.kind = KsbKind.K;
        k.position = position;
        k.detail = detail;
        v.ksbs.add(k);
        return k;
    }

    @Test
    void urisComeFromTheConfiguredBaseWithOrWithoutItsSlash() {
        StandardVersion v = version("Approved for delivery");
        for (String base :
                List.of("https://case.example.org/ims/case/v1p1", "https://case.example.org/ims/case/v1p1/")) {
            CfPackage pkg = new CaseMapper(URI.create(base)).toPackage(v);
            UUID id = UUID.nameUUIDFromBytes("CFDocument/ST9999_2.0".getBytes(StandardCharsets.UTF_8));
            assertEquals(id, pkg.cfDocument().identifier());
            assertEquals(
                    "https://case.example.org/ims/case/v1p1/CFDocuments/" + id,
                    pkg.cfDocument().uri());
            assertTrue(pkg.cfItems().stream()
                    .allMatch(i -> i.uri().startsWith("https://case.example.org/ims/case/v1p1/CFItems/")));
        }
    }

    @Test
    void missingTextsAreSaidAndLinksFollowTheSourceMapping() {
        CfPackage pkg = new CaseMapper(URI.create("http://h/ims/case/v1p1/")).toPackage(version("In development"));
        assertEquals("Draft", pkg.cfDocument().adoptionStatus());
        assertEquals("2026-01-02T02:04:05Z", pkg.cfDocument().lastChangeDateTime());
        assertEquals(
                List.of(
                        "Knows things.",
                        "[Text not available in the source: K2 of ST9999 2.0]",
                        "[Text not available in the source: D1 of ST9999 2.0]"),
                pkg.cfItems().stream().map(CfItem::fullStatement).toList());
        List<CfAssociation> related = pkg.cfAssociations().stream()
                .filter(a -> a.associationType().equals("isRelatedTo"))
                .toList();
        assertEquals(
                List.of("K1", "K2"),
                related.stream().map(a -> a.destinationNodeUri().title()).toList(),
                "in code order");
        assertEquals(
                List.of(1, 2),
                related.stream().map(CfAssociation::sequenceNumber).toList());
        assertEquals(
                List.of(1, 2, 3),
                pkg.cfAssociations().stream()
                        .filter(a -> a.associationType().equals("isChildOf"))
                        .map(CfAssociation::sequenceNumber)
                        .toList());
    }

    @Test
    void retiredAndWithdrawnAreDeprecated() {
        for (String status : List.of("Retired", "Withdrawn")) {
            assertEquals(
                    "Deprecated",
                    new CaseMapper(URI.create("http://h/"))
                            .toDocument(version(status))
                            .adoptionStatus());
        }
        assertEquals(
                "Adopted",
                new CaseMapper(URI.create("http://h/"))
                        .toDocument(version("Approved for delivery"))
                        .adoptionStatus());
    }
}
