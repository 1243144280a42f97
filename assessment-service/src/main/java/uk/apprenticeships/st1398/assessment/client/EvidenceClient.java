package uk.apprenticeships.st1398.assessment.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * evidence-service, which holds the apprentice's record, KSB evidence and off-the-job hours. Every call carries the
 * caller's own bearer token ({@link AccessToken}), so evidence-service applies its tenant rules: we never see more
 * through it than the caller could. Base URL and timeouts are configured under {@code quarkus.rest-client.evidence}.
 */
@RegisterRestClient(configKey = "evidence")
@AccessToken
@Path("/api/v1/apprentices/{id}")
@Produces(MediaType.APPLICATION_JSON)
public interface EvidenceClient {

    @GET
    Apprentice apprentice(@PathParam("id") String id);

    @GET
    @Path("/coverage")
    Coverage coverage(@PathParam("id") String id);

    @GET
    @Path("/off-the-job/summary")
    OffTheJobSummary offTheJob(@PathParam("id") String id);

    /**
     * The members of evidence-service's {@code Apprentice} the readiness check reads. The view evidence-service gives
     * employers leaves out {@code dateOfBirth} and gives {@code ageAtStart} instead, which is all the check needs.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Apprentice(
            String id,
            String uln,
            String familyName,
            LocalDate dateOfBirth,
            Integer ageAtStart,
            String providerUkprn,
            String employerId,
            String standardVersion,
            LocalDate startDate,
            LocalDate plannedEndDate,
            String status,
            String learnerReference,
            String givenName) {}

    /** evidence-service's {@code ApprenticeCoverage}: every KSB of the version with its accepted evidence. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Coverage(
            String standardVersion,
            int totalKsbs,
            int coveredKsbs,
            int inProgressKsbs,
            List<String> gaps,
            List<Ksb> ksbs) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Ksb(String code, String status, int acceptedEvidenceCount) {}

    /** evidence-service's {@code OffTheJobSummary}; requiredHours comes from the plan's off-the-job rules. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record OffTheJobSummary(
            BigDecimal approvedHours,
            BigDecimal pendingHours,
            BigDecimal requiredHours,
            BigDecimal shortfallHours,
            String calculation,
            String requirementUnavailable) {}
}
