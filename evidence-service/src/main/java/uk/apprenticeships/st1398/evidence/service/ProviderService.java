package uk.apprenticeships.st1398.evidence.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import uk.apprenticeships.st1398.evidence.api.ProviderRequest;
import uk.apprenticeships.st1398.evidence.api.ProviderResponse;
import uk.apprenticeships.st1398.evidence.domain.Provider;
import uk.apprenticeships.st1398.evidence.events.EvidenceEvents;
import uk.apprenticeships.st1398.evidence.mapping.StampMapper;
import uk.apprenticeships.st1398.evidence.repository.ProviderRepository;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.security.Caller;

/**
 * The provider register: admins add and rename providers; a provider's own users read their entry; admins and
 * assessors read any (the DfE learner answer names the learner's provider). Another provider answers 404 to a
 * provider's users, as if absent.
 */
@ApplicationScoped
public class ProviderService {

    /** What a PUT did: the provider, and whether it was new. */
    public record Saved(ProviderResponse provider, boolean created) {}

    private final ProviderRepository providers;
    private final Stamps stamps;
    private final EvidenceEvents events;

    public ProviderService(ProviderRepository providers, Stamps stamps, EvidenceEvents events) {
        this.events = events;
        this.providers = providers;
        this.stamps = stamps;
    }

    public ProviderResponse get(String ukprn) {
        Caller caller = stamps.caller();
        boolean mayRead = caller.may(EvidencePermissions.PROVIDER_READ_ANY)
                || caller.may(EvidencePermissions.PROVIDER_READ_OWN) && ukprn.equals(caller.providerUkprn());
        Provider p = mayRead ? providers.findByIdOptional(ukprn).orElse(null) : null;
        if (p == null) {
            throw ApiException.of(EvidenceError.PROVIDER_NOT_FOUND, "No provider " + ukprn + " in the register.")
                    .with("ukprn", ukprn);
        }
        return toResponse(p);
    }

    public PageResponse<ProviderResponse> list(PageRequest page) {
        return PageResponse.of(providers.list(page), ProviderService::toResponse, page, providers.count());
    }

    /** Adds the provider or renames it; who did it is kept (created once, updated on every write). */
    public Saved put(String ukprn, ProviderRequest request) {
        Provider p = providers.findByIdOptional(ukprn).orElseGet(Provider::new);
        boolean adding = p.ukprn == null;
        p.ukprn = ukprn;
        p.name = request.name().strip();
        p.updated = stamps.stamp();
        if (p.created == null) {
            p.created = p.updated;
        }
        // The event goes into the replaced (or inserted) document: one write.
        events.provider(p, adding ? "created" : "updated");
        boolean created = providers.save(p);
        Log.infof(
                "Provider %s %s by %s",
                ukprn, created ? "added" : "renamed", stamps.caller().subject());
        return new Saved(toResponse(p), created);
    }

    static ProviderResponse toResponse(Provider p) {
        return new ProviderResponse(
                p.ukprn, p.name, StampMapper.toResponse(p.created), StampMapper.toResponse(p.updated));
    }
}
