package uk.apprenticeships.st1398.evidence.xapi;

import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.apprenticeships.st1398.evidence.service.EvidenceError;
import uk.apprenticeships.st1398.evidence.service.KsbCheck;
import uk.apprenticeships.st1398.evidence.service.Stamps;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.security.Caller;

/** The provider's activity → KSB / off-the-job mappings: kept by its tutors (or an admin naming the provider). */
@ApplicationScoped
public class XapiActivityMappings implements PanacheMongoRepositoryBase<XapiActivityMapping, String> {

    private final Stamps stamps;

    public XapiActivityMappings(Stamps stamps) {
        this.stamps = stamps;
    }

    /** The mapping that applies to a statement of this provider about this activity, if any. */
    public Optional<XapiActivityMapping> find(String providerUkprn, String activityId) {
        return findByIdOptional(XapiActivityMapping.idOf(providerUkprn, activityId));
    }

    public XapiActivityMapping save(String providerUkprn, String activityId, List<String> ksbCodes, boolean offTheJob) {
        String provider = provider(stamps.caller(), providerUkprn);
        if (!StatementValidator.IRI.matcher(activityId).matches()) {
            throw ApiException.invalid("activityId", "must be an IRI");
        }
        List<String> codes = ksbCodes == null ? List.of() : KsbCheck.normalised(ksbCodes);
        if (codes.isEmpty() && !offTheJob) {
            throw ApiException.invalid("ksbCodes", "a mapping names KSB codes, or marks the activity off-the-job");
        }
        XapiActivityMapping mapping = new XapiActivityMapping();
        mapping.id = XapiActivityMapping.idOf(provider, activityId);
        mapping.providerUkprn = provider;
        mapping.activityId = activityId;
        mapping.ksbCodes = new ArrayList<>(codes);
        mapping.offTheJob = offTheJob;
        mapping.updatedAt = stamps.now();
        mapping.updatedBy = stamps.stamp(mapping.updatedAt);
        persistOrUpdate(mapping);
        return mapping;
    }

    public PageResponse<XapiActivityMapping> list(String providerUkprn, PageRequest page) {
        String provider = provider(stamps.caller(), providerUkprn);
        var query = find("providerUkprn", Sort.ascending("activityId"), provider);
        return PageResponse.of(query.page(page.page(), page.size()).list(), m -> m, page, query.count());
    }

    public void remove(String providerUkprn, String activityId) {
        String provider = provider(stamps.caller(), providerUkprn);
        if (!deleteById(XapiActivityMapping.idOf(provider, activityId))) {
            throw ApiException.of(
                            EvidenceError.XAPI_ACTIVITY_MAPPING_NOT_FOUND,
                            "Provider " + provider + " has no mapping for activity " + activityId + ".")
                    .with("activityId", activityId);
        }
    }

    /** Tutors act for their own provider; an admin names it. */
    static String provider(Caller caller, String providerUkprn) {
        if (caller.isAdmin()) {
            if (providerUkprn == null) {
                throw ApiException.invalid("providerUkprn", "an administrator names the training provider");
            }
            return providerUkprn;
        }
        String own = caller.requireProviderUkprn();
        if (providerUkprn != null && !providerUkprn.equals(own)) {
            throw ApiException.of(EvidenceError.PROVIDER_NOT_FOUND, "You act for provider " + own + " only.")
                    .with("providerUkprn", providerUkprn);
        }
        return own;
    }
}
