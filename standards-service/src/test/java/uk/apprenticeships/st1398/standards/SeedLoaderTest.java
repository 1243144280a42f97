package uk.apprenticeships.st1398.standards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.standards.domain.Standard;
import uk.apprenticeships.st1398.standards.mapping.feed.FeedStandardVersion;
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

    private String counts() {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(COUNTS).getSingleResult());
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
        FeedStandardVersion feed = json.readValue("""
                {"referenceNumber": "ST0980", "title": "Broken", "level": 3, "version": "1.0",
                 "status": "In development",
                 "knowledges": [{"knowledgeId": "%s", "detail": "Known"}],
                 "duties": [{"dutyID": "%s", "dutyDetail": "D", "isThisACoreDuty": 1,
                             "mappedKnowledge": ["%s"], "mappedSkills": [], "mappedBehaviour": []}]}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()), FeedStandardVersion.class);
        ApiException refused = assertThrows(ApiException.class,
                () -> importer.importVersion(feed, new SourceInfo("Test", null, null, null)));
        assertEquals(422, refused.status());
        assertEquals(before, counts());
        assertNull(QuarkusTransaction.requiringNew().call(() -> em.find(Standard.class, "ST0980")));
    }
}
