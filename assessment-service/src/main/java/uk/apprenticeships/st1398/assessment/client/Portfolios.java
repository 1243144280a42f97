package uk.apprenticeships.st1398.assessment.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import uk.apprenticeships.st1398.assessment.config.AssessmentError;
import uk.apprenticeships.st1398.platform.client.DownstreamRejected;
import uk.apprenticeships.st1398.platform.client.Downstreams;
import uk.apprenticeships.st1398.platform.problem.ApiException;

/**
 * An apprentice's portfolio in evidence-service, read with the caller's token ({@link EvidenceClient}). Its refusals
 * become ours: 404 (no such apprentice, or not the caller's to see) {@code apprentice-not-visible}, 401/403 (a role
 * evidence-service does not serve) {@code portfolio-not-readable}; a service that is down or slow answers the
 * platform's 503/504 problems ({@link Downstreams}). Nothing is cached: readiness is about now.
 */
@ApplicationScoped
public class Portfolios {

    static final String DOWNSTREAM = "evidence-service";

    private final EvidenceClient client;
    private final Downstreams downstreams;

    public Portfolios(@RestClient EvidenceClient client, Downstreams downstreams) {
        this.client = client;
        this.downstreams = downstreams;
    }

    public EvidenceClient.Apprentice apprentice(String id) {
        return read(id, "apprentice record", () -> client.apprentice(id));
    }

    /**
     * The apprentice record when the caller may see it: empty when evidence-service has no such apprentice or does not
     * show it to the caller (404, 401/403), for a read that only adds what it finds (the DfE learner's learning
     * dates). A service that is down or slow still answers the platform's 503/504 problems.
     */
    public Optional<EvidenceClient.Apprentice> apprenticeIfVisible(String id) {
        try {
            return downstreams.readOptional(DOWNSTREAM, () -> client.apprentice(id));
        } catch (DownstreamRejected e) {
            if (e.status() == 401 || e.status() == 403) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public EvidenceClient.Coverage coverage(String id) {
        return read(id, "KSB coverage", () -> client.coverage(id));
    }

    public EvidenceClient.OffTheJobSummary offTheJob(String id) {
        return read(id, "off-the-job summary", () -> client.offTheJob(id));
    }

    private <T> T read(String id, String what, Supplier<T> call) {
        try {
            return downstreams.read(DOWNSTREAM, call);
        } catch (DownstreamRejected e) {
            throw rejected(e, id, what);
        }
    }

    private static RuntimeException rejected(DownstreamRejected e, String id, String what) {
        return switch (e.status()) {
            case 404 ->
                ApiException.of(
                        AssessmentError.APPRENTICE_NOT_VISIBLE,
                        "evidence-service has no apprentice " + id
                                + " that you may see, so the gateway readiness cannot be checked.");
            case 401, 403 ->
                ApiException.of(
                        AssessmentError.PORTFOLIO_NOT_READABLE,
                        "evidence-service does not let "
                                + "you read this apprentice's " + what
                                + " (it serves providers, employers, the apprentice and "
                                + "admins); the readiness recorded with each gateway submission is visible to the assessment "
                                + "organisation.");
            default -> e;
        };
    }
}
