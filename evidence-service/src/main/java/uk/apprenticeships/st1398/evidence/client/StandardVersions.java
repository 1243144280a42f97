package uk.apprenticeships.st1398.evidence.client;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.problem.ProblemType;

/**
 * Whether a standard-version key such as {@code ST1398_1.0} names a version in the standards catalogue. Asked
 * on every enrolment (rare, and a version can be added at any time), so nothing is cached.
 */
@ApplicationScoped
public class StandardVersions {

    private final StandardsClient client;

    public StandardVersions(@RestClient StandardsClient client) {
        this.client = client;
    }

    /** 422 naming the key when the catalogue does not know it; 503 when the catalogue cannot be asked. */
    public void requireExists(String standardVersion) {
        int split = standardVersion.indexOf('_');
        try {
            client.version(standardVersion.substring(0, split), standardVersion.substring(split + 1));
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404) {
                throw ApiException.unprocessable("Standard version " + standardVersion + " is not in the "
                        + "standards catalogue; nothing was created.", Map.of("standardVersion", standardVersion));
            }
            Log.warnf("standards-service answered %d for standard version %s", status, standardVersion);
            throw unavailable();
        } catch (RuntimeException e) {
            Log.warnf("standards-service unreachable for standard version %s: %s", standardVersion, e.toString());
            throw unavailable();
        }
    }

    private static ApiException unavailable() {
        return new ApiException(ProblemType.SERVICE_UNAVAILABLE, 503, "The standards catalogue cannot be reached "
                + "to check the standard version; nothing was created. Retry shortly.", null, null);
    }
}
