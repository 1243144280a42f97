package uk.apprenticeships.st1398.standards.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.standards.api.DutyResponse;
import uk.apprenticeships.st1398.standards.api.KsbResponse;
import uk.apprenticeships.st1398.standards.api.OptionResponse;
import uk.apprenticeships.st1398.standards.api.VersionDiff;
import uk.apprenticeships.st1398.standards.api.VersionListItem;
import uk.apprenticeships.st1398.standards.api.VersionResponse;
import uk.apprenticeships.st1398.standards.api.VersionSummary;
import uk.apprenticeships.st1398.standards.config.StandardsError;
import uk.apprenticeships.st1398.standards.domain.Ksb;
import uk.apprenticeships.st1398.standards.domain.KsbKind;
import uk.apprenticeships.st1398.standards.domain.Standard;
import uk.apprenticeships.st1398.standards.domain.StandardVersion;
import uk.apprenticeships.st1398.standards.mapping.DiffMapper;
import uk.apprenticeships.st1398.standards.mapping.FeedMapper;
import uk.apprenticeships.st1398.standards.mapping.StandardMapper;
import uk.apprenticeships.st1398.standards.mapping.VersionMapper;
import uk.apprenticeships.st1398.standards.mapping.feed.FeedStandardVersion;
import uk.apprenticeships.st1398.standards.repository.StandardRepository;
import uk.apprenticeships.st1398.standards.repository.StandardVersionRepository;

/** Reads of standard versions and their content. Inputs arrive validated in shape; this decides existence. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class StandardVersionService {

    private final StandardRepository standards;
    private final StandardVersionRepository versions;

    public StandardVersionService(StandardRepository standards, StandardVersionRepository versions) {
        this.standards = standards;
        this.versions = versions;
    }

    public List<VersionSummary> versions(String reference) {
        return StandardMapper.versions(standard(reference));
    }

    public VersionResponse version(String reference, String versionNumber) {
        return VersionMapper.toResponse(find(reference, versionNumber));
    }

    /** @param key a well-formed key such as {@code ST1398_1.0} */
    public VersionResponse byKey(String key) {
        int split = key.indexOf('_');
        return versions.findVersion(key.substring(0, split), key.substring(split + 1))
                .map(VersionMapper::toResponse)
                .orElseThrow(() -> ApiException.of(
                        StandardsError.VERSION_NOT_FOUND,
                        "No standard version has the key " + key + "; see /api/v1/standard-versions."));
    }

    /** Versions across standards, by reference then version number. */
    public PageResponse<VersionListItem> list(Integer larsCode, String reference, PageRequest page) {
        StandardVersionRepository.Filter filter = new StandardVersionRepository.Filter(larsCode, reference);
        return PageResponse.of(versions.page(filter, page), VersionMapper::toListItem, page, versions.count(filter));
    }

    /** @param kind null for every kind */
    public List<KsbResponse> ksbs(String reference, String versionNumber, KsbKind kind) {
        return VersionMapper.toKsbs(find(reference, versionNumber), kind);
    }

    /** @param codeOrId a code such as K3, or a KSB id */
    public KsbResponse ksb(String reference, String versionNumber, String codeOrId) {
        StandardVersion version = find(reference, versionNumber);
        return version.ksbs.stream()
                .filter(matching(codeOrId))
                .findFirst()
                .map(VersionMapper::toResponse)
                .orElseThrow(() -> ApiException.of(
                        StandardsError.KSB_NOT_FOUND,
                        version.key() + " has no KSB " + codeOrId + "; see /api/v1/" + "standards/" + reference
                                + "/versions/" + versionNumber + "/ksbs."));
    }

    public List<DutyResponse> duties(String reference, String versionNumber) {
        return VersionMapper.toDuties(find(reference, versionNumber));
    }

    public List<OptionResponse> options(String reference, String versionNumber) {
        return VersionMapper.toOptions(find(reference, versionNumber));
    }

    /** The version in the Skills England feed format, as an import takes it. */
    public FeedStandardVersion export(String reference, String versionNumber) {
        return FeedMapper.toFeed(find(reference, versionNumber));
    }

    public VersionDiff diff(String reference, String from, String to) {
        return DiffMapper.diff(find(reference, from), find(reference, to));
    }

    /** Validation let through only codes (at most K999) and 36-character ids, so length tells them apart. */
    private static Predicate<Ksb> matching(String codeOrId) {
        if (codeOrId.length() <= 4) {
            return ksb -> ksb.code().equals(codeOrId);
        }
        UUID id = UUID.fromString(codeOrId);
        return ksb -> ksb.id.equals(id);
    }

    private Standard standard(String reference) {
        return standards
                .findByIdOptional(reference)
                .orElseThrow(() -> ApiException.of(
                        StandardsError.STANDARD_NOT_FOUND, "No standard with reference " + reference + "."));
    }

    private StandardVersion find(String reference, String versionNumber) {
        Standard standard = standard(reference);
        return standard.versions.stream()
                .filter(v -> v.versionNumber.equals(versionNumber))
                .findFirst()
                .orElseThrow(() -> ApiException.of(
                        StandardsError.VERSION_NOT_FOUND,
                        reference + " has no version " + versionNumber + "; see /api/v1/standards/" + reference
                                + "/versions."));
    }
}
