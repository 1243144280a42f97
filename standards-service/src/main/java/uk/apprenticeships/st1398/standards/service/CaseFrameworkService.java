package uk.apprenticeships.st1398.standards.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.standards.api.casev1p1.CfAssociation;
import uk.apprenticeships.st1398.standards.api.casev1p1.CfAssociationGrouping;
import uk.apprenticeships.st1398.standards.api.casev1p1.CfDocument;
import uk.apprenticeships.st1398.standards.api.casev1p1.CfDocumentSet;
import uk.apprenticeships.st1398.standards.api.casev1p1.CfItem;
import uk.apprenticeships.st1398.standards.api.casev1p1.CfItemType;
import uk.apprenticeships.st1398.standards.api.casev1p1.CfItemTypeSet;
import uk.apprenticeships.st1398.standards.api.casev1p1.CfPackage;
import uk.apprenticeships.st1398.standards.config.CaseConfig;
import uk.apprenticeships.st1398.standards.config.StandardsError;
import uk.apprenticeships.st1398.standards.domain.StandardVersion;
import uk.apprenticeships.st1398.standards.mapping.CaseIds;
import uk.apprenticeships.st1398.standards.mapping.CaseMapper;
import uk.apprenticeships.st1398.standards.repository.CaseIndexRepository;
import uk.apprenticeships.st1398.standards.repository.CaseIndexRepository.VersionKey;
import uk.apprenticeships.st1398.standards.repository.StandardVersionRepository;

/**
 * The catalogue as CASE 1.1 frameworks, one per standard version. Lookups first find the one version an identifier
 * belongs to (from ids and keys only), then map that version whole, so an item or association looked up alone is
 * exactly the one in its package.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CaseFrameworkService {

    /** By standard reference, then newest version first: stable, and the current version leads. */
    private static final Comparator<VersionKey> DOCUMENT_ORDER = Comparator.comparing(VersionKey::reference)
            .thenComparing(Comparator.comparingInt((VersionKey k) -> part(k.versionNumber(), 0))
                    .thenComparingInt(k -> part(k.versionNumber(), 1))
                    .reversed());

    public record DocumentPage(CfDocumentSet documents, long total) {}

    private final StandardVersionRepository versions;
    private final CaseIndexRepository index;
    private final CaseMapper mapper;

    public CaseFrameworkService(StandardVersionRepository versions, CaseIndexRepository index, CaseConfig config) {
        this.versions = versions;
        this.index = index;
        this.mapper = new CaseMapper(config.baseUri());
    }

    public DocumentPage documents(int limit, int offset) {
        List<VersionKey> keys =
                index.versionKeys().stream().sorted(DOCUMENT_ORDER).toList();
        List<CfDocument> page = keys.stream()
                .skip(offset)
                .limit(limit)
                .map(k -> mapper.toDocument(load(k.versionId())))
                .toList();
        return new DocumentPage(new CfDocumentSet(page), keys.size());
    }

    public CfDocument document(UUID id) {
        return mapper.toDocument(load(versionOfDocument(id).orElseThrow(() -> notFound("CFDocument", id))));
    }

    /** A package has its document's identifier. */
    public CfPackage packageOf(UUID id) {
        return mapper.toPackage(load(versionOfDocument(id).orElseThrow(() -> notFound("CFPackage", id))));
    }

    public CfItem item(UUID id) {
        CfPackage pkg = mapper.toPackage(load(index.versionOfItem(id).orElseThrow(() -> notFound("CFItem", id))));
        return pkg.cfItems().stream()
                .filter(i -> i.identifier().equals(id))
                .findFirst()
                .orElseThrow(() -> notFound("CFItem", id))
                .withDocumentUri(CaseMapper.documentLink(pkg.cfDocument()));
    }

    public CfAssociation association(UUID id) {
        CfPackage pkg =
                mapper.toPackage(load(versionOfAssociation(id).orElseThrow(() -> notFound("CFAssociation", id))));
        return pkg.cfAssociations().stream()
                .filter(a -> a.identifier().equals(id))
                .findFirst()
                .orElseThrow(() -> notFound("CFAssociation", id))
                .withDocumentUri(CaseMapper.documentLink(pkg.cfDocument()));
    }

    public CfItemTypeSet itemType(UUID id) {
        CfItemType type = mapper.itemType(id);
        if (type == null) {
            throw notFound("CFItemType", id);
        }
        return new CfItemTypeSet(List.of(type));
    }

    public CfAssociationGrouping associationGrouping(UUID id) {
        CfAssociationGrouping grouping = mapper.dutyKsbGrouping();
        if (!grouping.identifier().equals(id)) {
            throw notFound("CFAssociationGrouping", id);
        }
        return grouping;
    }

    private Optional<Long> versionOfDocument(UUID id) {
        return index.versionKeys().stream()
                .filter(k -> CaseIds.document(k.key()).equals(id))
                .map(VersionKey::versionId)
                .findFirst();
    }

    /**
     * Association identifiers are hashes, so they are recomputed from ids alone (no texts are loaded). That is a
     * scan over every item of the catalogue; fine at the catalogue's size, and the place to add an index if it grows.
     */
    private Optional<Long> versionOfAssociation(UUID id) {
        Map<Long, UUID> documents = index.versionKeys().stream()
                .collect(Collectors.toMap(VersionKey::versionId, k -> CaseIds.document(k.key())));
        Optional<Long> child = index.items().stream()
                .filter(i -> CaseIds.childOf(i.itemId(), documents.get(i.versionId()))
                        .equals(id))
                .map(CaseIndexRepository.ItemRef::versionId)
                .findFirst();
        if (child.isPresent()) {
            return child;
        }
        return index.dutyKsbLinks().stream()
                .filter(l -> CaseIds.dutyToKsb(l.dutyId(), l.ksbId()).equals(id))
                .map(CaseIndexRepository.LinkRef::versionId)
                .findFirst();
    }

    private StandardVersion load(long versionId) {
        return versions.findById(versionId);
    }

    private static ApiException notFound(String type, UUID id) {
        return ApiException.of(
                StandardsError.FRAMEWORK_ITEM_NOT_FOUND,
                "No " + type + " with identifier " + id + "; see /ims/case/v1p1/CFDocuments "
                        + "for the frameworks this service publishes.");
    }

    private static int part(String versionNumber, int index) {
        return Integer.parseInt(versionNumber.split("\\.")[index]);
    }
}
