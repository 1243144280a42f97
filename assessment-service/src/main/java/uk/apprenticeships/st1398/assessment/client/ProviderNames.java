package uk.apprenticeships.st1398.assessment.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import uk.apprenticeships.st1398.platform.client.DownstreamRejected;
import uk.apprenticeships.st1398.platform.client.Downstreams;

/**
 * A training provider's name from evidence-service's provider register. Empty when the register has no such
 * provider or does not show it to the caller (404, 401/403); a register that is down or slow answers the
 * platform's 503/504. Not cached: it is read with the caller's token, whose view may differ from another's.
 */
@ApplicationScoped
public class ProviderNames {

    private final ProviderRegisterClient client;
    private final Downstreams downstreams;

    public ProviderNames(@RestClient ProviderRegisterClient client, Downstreams downstreams) {
        this.client = client;
        this.downstreams = downstreams;
    }

    public Optional<String> name(String ukprn) {
        if (ukprn == null || !ukprn.matches("\\d{8}")) {
            return Optional.empty();
        }
        try {
            return downstreams
                    .readOptional(Portfolios.DOWNSTREAM, () -> client.provider(ukprn))
                    .map(ProviderRegisterClient.Provider::name)
                    .filter(n -> !n.isBlank());
        } catch (DownstreamRejected e) {
            if (e.status() == 401 || e.status() == 403) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
