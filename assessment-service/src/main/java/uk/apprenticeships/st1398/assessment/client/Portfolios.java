package uk.apprenticeships.st1398.assessment.client;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.function.Function;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.problem.ProblemType;

/**
 * An apprentice's portfolio in evidence-service, read with the caller's token. Its answers become ours: 404 (no such
 * apprentice, or not the caller's to see) a 404 problem, 403 (a role evidence-service does not serve) a 403 problem,
 * anything else unexpected, and a service that is down or slow, a 503 problem. Nothing is cached: readiness is about
 * now.
 */
@ApplicationScoped
public class Portfolios {

    private final EvidenceClient client;

    public Portfolios(@RestClient EvidenceClient client) {
        this.client = client;
    }

    public EvidenceClient.Apprentice apprentice(String id) {
        return call(id, "apprentice record", client::apprentice);
    }

    public EvidenceClient.Coverage coverage(String id) {
        return call(id, "KSB coverage", client::coverage);
    }

    public EvidenceClient.OffTheJobSummary offTheJob(String id) {
        return call(id, "off-the-job summary", client::offTheJob);
    }

    private static <T> T call(String id, String what, Function<String, T> call) {
        T answer;
        try {
            answer = call.apply(id);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404) {
                throw ApiException.notFound("evidence-service has no apprentice " + id + " that you may see, so the "
                        + "gateway readiness cannot be checked.");
            }
            if (status == 403 || status == 401) {
                throw ApiException.forbidden("evidence-service does not let you read this "
                        + "apprentice's " + what + " (it serves providers, employers, the apprentice and admins); "
                        + "the readiness recorded with each gateway submission is visible to the assessment "
                        + "organisation.");
            }
            Log.warnf("evidence-service answered %d for the %s of apprentice %s", status, what, id);
            throw unavailable();
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            // Connection refused, timeouts, unreadable bodies: the portfolio cannot be read.
            Log.warnf("evidence-service unreachable for the %s of apprentice %s: %s", what, id, e.toString());
            throw unavailable();
        }
        if (answer == null) {
            throw unavailable();
        }
        return answer;
    }

    private static ApiException unavailable() {
        return new ApiException(ProblemType.SERVICE_UNAVAILABLE, 503, "evidence-service cannot be reached for the "
                + "apprentice's portfolio; nothing was saved. Retry shortly.", null, null);
    }
}
