package uk.apprenticeships.st1398.standards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.standards.api.AssessmentPlanDocument;
import uk.apprenticeships.st1398.standards.api.AssessmentPlanResponse;
import uk.apprenticeships.st1398.standards.domain.Standard;
import uk.apprenticeships.st1398.standards.mapping.feed.FeedStandardVersion;
import uk.apprenticeships.st1398.standards.service.AssessmentPlanService;
import uk.apprenticeships.st1398.standards.service.FeedImporter;
import uk.apprenticeships.st1398.standards.service.ImportResult;
import uk.apprenticeships.st1398.standards.service.SeedLoader;
import uk.apprenticeships.st1398.standards.service.SourceInfo;

/** Loading the bundled catalogue again (as every restart does) must change nothing; bad documents change nothing. */
@QuarkusTest
class SeedLoaderTest {

    private static final String COUNTS = "select concat_ws(',', (select count(*) from standard), "
            + "(select count(*) from standard_version), (select count(*) from ksb), (select count(*) from duty), "
            + "(select count(*) from duty_ksb), (select count(*) from standard_option), "
            + "(select count(*) from qualification), (select max(updated_at)::text from standard), "
            + "(select count(*) from ksb where detail is not null))";

    @Inject
    SeedLoader loader;

    @Inject
    FeedImporter importer;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    AssessmentPlanService plans;

    private String counts() {
        return QuarkusTransaction.requiringNew()
                .call(() -> (String) em.createNativeQuery(COUNTS).getSingleResult());
    }

    @Test
    void loadingAgainChangesNothing() {
        String before = counts();
        List<ImportResult> results = loader.load();
        assertEquals(before, counts());
        assertEquals(2, results.size());
        assertTrue(results.stream().allMatch(ImportResult::changedNothing), results.toString());
    }

    @Test
    void feedDatesMayCarryATime() throws Exception {
        FeedStandardVersion feed = json.readValue("""
                {"referenceNumber": "ST0001", "title": "T", "level": 3, "version": "1.0",
                 "status": "Approved for delivery", "approvedForDelivery": "2024-12-18T00:00:00",
                 "earliestStartDate": "2024-12-19", "unknownField": 1}""", FeedStandardVersion.class);
        assertEquals(LocalDate.of(2024, 12, 18), feed.approvedForDelivery());
        assertEquals(LocalDate.of(2024, 12, 19), feed.earliestStartDate());
    }

    @Test
    void aDutyMappingToAnUnknownKsbIsRefusedAndNothingIsStored() throws Exception {
        String before = counts();
        FeedStandardVersion feed = json.readValue(
                """
                {"referenceNumber": "ST0980", "title": "Broken", "level": 3, "version": "1.0",
                 "status": "In development",
                 "knowledges": [{"knowledgeId": "%s", "detail": "Known"}],
                 "duties": [{"dutyID": "%s", "dutyDetail": "D", "isThisACoreDuty": 1,
                             "mappedKnowledge": ["%s"], "mappedSkills": [], "mappedBehaviour": []}]}""".formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()), FeedStandardVersion.class);
        ApiException refused = assertThrows(
                ApiException.class, () -> importer.importVersion(feed, new SourceInfo("Test", null, null, null)));
        assertEquals(422, refused.status());
        assertEquals(before, counts());
        assertNull(QuarkusTransaction.requiringNew().call(() -> em.find(Standard.class, "ST0980")));
    }

    /** The stored plan, read in a transaction of its own (not from this thread's earlier reads). */
    private AssessmentPlanResponse current() {
        return QuarkusTransaction.requiringNew().call(() -> plans.get("ST1398", "1.0"));
    }

    @Test
    void anUntouchedOlderSeedPlanGainsTheGatewayThresholdsButAnEditedPlanIsKept() throws Exception {
        String bundledText;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("seed/st1398-1.0-assessment-plan.json")) {
            bundledText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        AssessmentPlanDocument bundled = plans.read(bundledText);
        ObjectNode older = (ObjectNode) json.readTree(bundledText);
        ((ObjectNode) older.get("gateway")).remove("minimumTimeInLearning");
        ((ObjectNode) older.at("/gateway/requirements/2")).remove("ksbCoverage");
        try {
            // As a release before gateway thresholds seeded it: the next start upgrades it.
            plans.replace("ST1398", "1.0", plans.read(older.toString()), current -> true);
            assertNull(current().gateway().minimumTimeInLearning());
            assertEquals(List.of("ST1398_1.0"), loader.loadAssessmentPlans());
            AssessmentPlanResponse upgraded = current();
            assertEquals(
                    List.of(12, 8),
                    upgraded.gateway().minimumTimeInLearning().rules().stream()
                            .map(AssessmentPlanDocument.TimeInLearningRule::months)
                            .toList());
            assertEquals(
                    0,
                    BigDecimal.valueOf(100)
                            .compareTo(upgraded.gateway()
                                    .requirements()
                                    .get(2)
                                    .ksbCoverage()
                                    .minimumCoveragePercent()));
            assertEquals(List.of(), loader.loadAssessmentPlans());

            // Changed by an admin as well: the admin's plan wins and stays without thresholds.
            older.put("sourceNote", "Edited by an admin");
            plans.replace("ST1398", "1.0", plans.read(older.toString()), current -> true);
            assertEquals(List.of(), loader.loadAssessmentPlans());
            AssessmentPlanResponse kept = current();
            assertEquals("Edited by an admin", kept.sourceNote());
            assertNull(kept.gateway().minimumTimeInLearning());
        } finally {
            plans.replace("ST1398", "1.0", bundled, current -> true);
        }
    }
}
