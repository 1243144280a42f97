package uk.apprenticeships.st1398.evidence;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.create;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.put;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.reflection;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.step;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.evidence.api.ApprenticeCoverageResponse;
import uk.apprenticeships.st1398.evidence.api.ApprenticeCoverageSummary;
import uk.apprenticeships.st1398.evidence.api.CohortCoverageResponse;
import uk.apprenticeships.st1398.evidence.api.CohortCoverageResponse.KsbCohortCoverage;
import uk.apprenticeships.st1398.evidence.api.KsbCoverageResponse;
import uk.apprenticeships.st1398.evidence.api.ProviderCoverageResponse;
import uk.apprenticeships.st1398.evidence.client.KsbCatalogue;
import uk.apprenticeships.st1398.evidence.domain.Apprentice;
import uk.apprenticeships.st1398.evidence.domain.Evidence;
import uk.apprenticeships.st1398.evidence.domain.EvidenceStatus;
import uk.apprenticeships.st1398.evidence.domain.KsbCoverage;
import uk.apprenticeships.st1398.evidence.domain.WorkflowAction;
import uk.apprenticeships.st1398.evidence.repository.AggregatedCoverage;
import uk.apprenticeships.st1398.evidence.repository.AggregatedCoverage.ApprenticeKsbStatus;
import uk.apprenticeships.st1398.evidence.repository.AggregatedCoverage.KsbApprentices;
import uk.apprenticeships.st1398.evidence.repository.AggregatedCoverage.KsbStatusCount;
import uk.apprenticeships.st1398.evidence.repository.ApprenticeRepository;
import uk.apprenticeships.st1398.evidence.repository.CohortCoverageRepository;
import uk.apprenticeships.st1398.evidence.repository.CoverageSummaryRepository;
import uk.apprenticeships.st1398.evidence.repository.CoverageSummaryRepository.Contribution;
import uk.apprenticeships.st1398.evidence.repository.EvidenceRepository;
import uk.apprenticeships.st1398.evidence.service.CoverageSummaries;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.testing.TestClock;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * The coverage summaries kept on write ({@link CoverageSummaries}) answer exactly what the aggregations over the
 * evidence collection answered before them ({@link AggregatedCoverage}, kept here as the oracle), after any sequence
 * of writes, under concurrent writes, and when a summary is missing or was left stale. ST1398 1.0 in the stub has
 * K1–K10, S1–S10 and B1–B5.
 */
@QuarkusTest
@QuarkusTestResource(value = StandardsServiceStub.class, restrictToAnnotatedClass = false)
class CoverageSummaryTest {

    private static final String VERSION = "ST1398_1.0";
    private static final List<String> POOL = List.of("K1", "K2", "K3", "S1", "S2", "B1");

    @Inject
    AggregatedCoverage oracle;

    @Inject
    ApprenticeRepository apprentices;

    @Inject
    EvidenceRepository evidence;

    @Inject
    CoverageSummaries summaries;

    @Inject
    KsbCatalogue catalogue;

    @Inject
    CoverageSummaryRepository repository;

    @Inject
    CohortCoverageRepository cohortFigures;

    @Inject
    ObjectMapper json;

    @Inject
    MongoClient mongo;

    @Inject
    TestClock clock;

    private MongoCollection<Document> stored() {
        return mongo.getDatabase("evidence").getCollection(CoverageSummaryRepository.COLLECTION);
    }

    private static String enrol(String tutor, String ukprn) {
        return AuditTrailTest.enrol(
                tutor,
                "summary-" + TestIds.uln(),
                TestIds.uln(),
                ukprn,
                TestIds.employerId(),
                "2018-09-01",
                "2019-09-01");
    }

    @Test
    void aRandomHistoryOfWritesAnswersWhatTheAggregationsAnswer() throws Exception {
        String ukprn = TestIds.ukprn();
        String tutor = Tokens.tutor(ukprn);
        Random random = new Random(1398);
        List<String> cohort = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            cohort.add(enrol(tutor, ukprn));
        }
        Map<String, List<String>> items = new HashMap<>();
        Set<String> ops = new HashSet<>();
        Set<CoverageSummaries.Stop> crashes = new HashSet<>();
        int registrationsLeft = 0;
        for (int n = 0; n < 90; n++) {
            String a = cohort.get(random.nextInt(cohort.size()));
            List<String> mine = items.computeIfAbsent(a, k -> new ArrayList<>());
            // Now and then a write "dies" between two of its writes (the test hook throws there; the request still
            // answers, as a write whose recount fails does), leaving its registration on the cohort's figures.
            CoverageSummaries.Stop crash = n > 15 && n % 7 == 3
                    ? CoverageSummaries.Stop.values()[random.nextInt(CoverageSummaries.Stop.values().length)]
                    : null;
            summaries.stopWritesAt(crash);
            try {
                if (mine.isEmpty() || random.nextInt(5) == 0) {
                    mine.add(create(tutor, a, reflection(codes(random))));
                    ops.add("create");
                } else {
                    String id = mine.get(random.nextInt(mine.size()));
                    String status = EvidenceResourceTest.get(tutor, a, id)
                            .statusCode(200)
                            .extract()
                            .path("status");
                    ops.add(act(tutor, a, id, status, random, mine));
                }
            } finally {
                summaries.stopWritesAt(null);
            }
            if (crash != null) {
                crashes.add(crash);
                // A write that could not change the covered codes without a recount was not registered.
                int left = figures(ukprn).get("writers", Document.class).size();
                assertTrue(left <= 1, "the dead write's registration, if any");
                registrationsLeft += left;
            }
            assertSameAsAggregations(tutor, a);
            if (crash != null) {
                // Once the dead write's registration is older than the bound, a reader counts the figures again.
                try {
                    clock.advance(Duration.ofSeconds(61));
                    assertCohortSameAsAggregations(tutor, ukprn, 2);
                    assertFiguresSameAsAggregations(ukprn);
                } finally {
                    clock.reset();
                }
            }
            if (n % 15 == 14) {
                assertCohortSameAsAggregations(tutor, ukprn, 2);
                assertFiguresSameAsAggregations(ukprn);
            }
        }
        assertEquals(Set.of(CoverageSummaries.Stop.values()), crashes);
        assertTrue(registrationsLeft > 0, "some dead writes were registered and left their registration");
        assertEquals(Set.of("create", "submit", "accept", "refer-back", "edit", "revise", "withdraw"), ops);
        assertCohortSameAsAggregations(tutor, ukprn, 2);
        assertCohortSameAsAggregations(tutor, ukprn, 100);

        // Erasure: the apprentice's summary goes with their evidence, and the cohort no longer counts them.
        String erased = cohort.get(0);
        AuditTrailTest.status(tutor, erased, "completed", "2019-06-30");
        try {
            clock.fix(Instant.parse("2030-01-01T00:00:00Z"));
            GovernanceTest.erase(Tokens.admin(), erased, Map.of("reason", "Requested by the apprentice"))
                    .statusCode(200);
        } finally {
            clock.reset();
        }
        assertNull(stored().find(Filters.eq("_id", new ObjectId(erased))).first());
        assertFiguresSameAsAggregations(ukprn);
        assertCohortSameAsAggregations(tutor, ukprn, 100);
    }

    /**
     * Writes racing across one cohort (several writers on the same apprentices, each on its own items) keep the
     * cohort's stored figures equal to the aggregation, with no reader repairing anything in between.
     */
    @Test
    void concurrentWritesAcrossACohortKeepItsFigures() throws Exception {
        String ukprn = TestIds.ukprn();
        String tutor = Tokens.tutor(ukprn);
        List<String> cohort = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            cohort.add(enrol(tutor, ukprn));
        }
        create(tutor, cohort.get(0), reflection("K1"));
        assertCohortSameAsAggregations(tutor, ukprn, 10);
        assertFiguresSameAsAggregations(ukprn); // counted once, before the writes: from here on kept by them

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                Random random = new Random(2000 + w);
                writers.add(() -> {
                    for (int i = 0; i < 5; i++) {
                        String a = cohort.get(random.nextInt(cohort.size()));
                        String id = create(tutor, a, reflection(codes(random)));
                        step(tutor, a, id, "submit", null).statusCode(200);
                        if (random.nextInt(4) == 0) {
                            step(tutor, a, id, "refer-back", "More detail, please")
                                    .statusCode(200);
                            put(tutor, a, id, reflection(codes(random))).statusCode(200);
                            step(tutor, a, id, "submit", null).statusCode(200);
                        }
                        step(tutor, a, id, "accept", null).statusCode(200);
                        if (random.nextInt(3) == 0) {
                            put(tutor, a, id, reflection(codes(random))).statusCode(200); // a new revision
                        }
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(writers)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertFiguresSameAsAggregations(ukprn);
        assertCohortSameAsAggregations(tutor, ukprn, 2);
    }

    /**
     * A write that outlives the bound: a reader takes its registration for a dead write's and counts the figures
     * again; when the write then settles, it finds its registration gone and invalidates the figures, so that the
     * change it made after that count is not lost.
     */
    @Test
    void aWriteThatSettlesAfterTheBoundHasTheFiguresCountedAgain() throws Exception {
        String ukprn = TestIds.ukprn();
        String tutor = Tokens.tutor(ukprn);
        String a = enrol(tutor, ukprn);
        String b = enrol(tutor, ukprn);
        String id = create(tutor, a, reflection("K1", "S1"));
        step(tutor, a, id, "submit", null).statusCode(200);
        step(tutor, a, id, "accept", null).statusCode(200);
        create(tutor, b, reflection("K2"));
        assertCohortSameAsAggregations(tutor, ukprn, 10);
        assertFiguresSameAsAggregations(ukprn);

        Evidence e = evidence.findById(new ObjectId(id));
        Contribution counted = Contribution.of(e);
        e.content.ksbCodes = List.of("B1", "S1");
        try {
            summaries.around(e.apprenticeId, e.providerUkprn, e.standardVersion, counted, Contribution.of(e), () -> {
                clock.advance(Duration.ofSeconds(61));
                // A reader meanwhile: the registration is older than the bound.
                given().auth()
                        .oauth2(tutor)
                        .when()
                        .get("/api/v1/providers/" + ukprn + "/coverage?standardVersion=" + VERSION)
                        .then()
                        .statusCode(200);
                assertTrue(figures(ukprn).get("writers", Document.class).isEmpty());
                // The write, after that reader counted: the accepted item now maps other codes.
                evidence.mongoCollection()
                        .updateOne(Filters.eq("_id", e.id), Updates.set("content.ksbCodes", List.of("B1", "S1")));
                return true;
            });
        } finally {
            clock.reset();
        }
        assertEquals(false, figures(ukprn).getBoolean("valid"));
        assertCohortSameAsAggregations(tutor, ukprn, 10);
        assertFiguresSameAsAggregations(ukprn);

        // The repository on its own: a settle whose registration is gone changes nothing.
        String token = cohortFigures.register(ukprn, VERSION, e.apprenticeId);
        cohortFigures.invalidate(ukprn, VERSION, List.of(token));
        Document before = figures(ukprn);
        assertEquals(false, cohortFigures.settle(ukprn, VERSION, token, Map.of("K9", 1)));
        assertEquals(before, figures(ukprn));
        assertCohortSameAsAggregations(tutor, ukprn, 10);
        assertFiguresSameAsAggregations(ukprn);
    }

    @Test
    void concurrentWritesToOneApprenticeLeaveACorrectSummary() throws Exception {
        String ukprn = TestIds.ukprn();
        String tutor = Tokens.tutor(ukprn);
        String a = enrol(tutor, ukprn);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                String code = POOL.get(w);
                writers.add(() -> {
                    for (int i = 0; i < 3; i++) {
                        String id = create(tutor, a, reflection(code, "B1"));
                        step(tutor, a, id, "submit", null).statusCode(200);
                        if (i != 1) {
                            step(tutor, a, id, "accept", null).statusCode(200);
                        }
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(writers)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        // Read as stored, before any reader could repair it: fresh, and equal to the evidence's counts.
        Document summary = stored().find(Filters.eq("_id", new ObjectId(a))).first();
        assertEquals(summary.get("pending"), summary.get("computed"));
        assertEquals(List.of("B1", "K1", "K2", "K3", "S1"), summary.getList("covered", String.class));
        assertEquals(
                12,
                summary.getList("ksbs", Document.class).get(0).getInteger("accepted")
                        + summary.getList("ksbs", Document.class).get(0).getInteger("inProgress"));
        assertSameAsAggregations(tutor, a);
        assertCohortSameAsAggregations(tutor, ukprn, 10);
        assertFiguresSameAsAggregations(ukprn);
    }

    /** Many recomputations racing on one apprentice, each a compare-and-set: the last stored is the fresh one. */
    @Test
    void racingRecomputationsEndFresh() throws Exception {
        String ukprn = TestIds.ukprn();
        String tutor = Tokens.tutor(ukprn);
        String a = enrol(tutor, ukprn);
        String id = create(tutor, a, reflection("K1"));
        Evidence e = evidence.findById(new ObjectId(id));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> racers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                racers.add(() -> {
                    summaries.changed(e.apprenticeId, e.providerUkprn, e.standardVersion);
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(racers)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Document summary = stored().find(Filters.eq("_id", new ObjectId(a))).first();
        assertEquals(summary.get("pending"), summary.get("computed"));
        assertSameAsAggregations(tutor, a);
    }

    /**
     * A write to an apprentice whose summary is fresh applies its own change to it, without reading the apprentice's
     * evidence: an item slipped into the evidence behind the service's back is not counted by the creates, steps and
     * edits that follow, each of which announces itself once. The first write whose change cannot be known (the
     * revision of the item holding a code's latest acceptance while another accepted item maps it) counts the
     * evidence again.
     */
    @Test
    void aWriteToAFreshSummaryAppliesItsOwnChangeWithoutCountingTheEvidence() throws Exception {
        String ukprn = TestIds.ukprn();
        String tutor = Tokens.tutor(ukprn);
        String a = enrol(tutor, ukprn);
        String first = create(tutor, a, reflection("K1", "S1"));
        assertSameAsAggregations(tutor, a);
        long pending = stored().find(Filters.eq("_id", new ObjectId(a))).first().getLong("pending");

        ObjectId slipped = slipIn(first, "B1");

        Document figuresBefore = figures(ukprn);
        String second = create(tutor, a, reflection("K1", "K2"));
        step(tutor, a, first, "submit", null).statusCode(200);
        // Neither took away nor added an accepted item: the cohort's figures were not even registered on.
        assertEquals(figuresBefore, figures(ukprn));
        clock.advance(Duration.ofMinutes(1));
        step(tutor, a, first, "accept", null).statusCode(200);
        assertNotEquals(figuresBefore, figures(ukprn));
        step(tutor, a, second, "submit", null).statusCode(200);
        clock.advance(Duration.ofMinutes(1));
        step(tutor, a, second, "accept", null).statusCode(200);
        Document summary = stored().find(Filters.eq("_id", new ObjectId(a))).first();
        assertEquals(pending + 5, summary.getLong("pending"), "each write announced itself once");
        assertEquals(summary.get("pending"), summary.get("computed"));
        assertEquals(List.of("K1", "K2", "S1"), summary.getList("covered", String.class));
        assertEquals(List.of("K1", "K2", "S1"), summary.getList("evidenced", String.class), "B1 was not counted");
        Instant secondAccepted = latestAcceptance(summary, "K1");
        assertTrue(secondAccepted.isAfter(latestAcceptance(summary, "S1").plusSeconds(59)), "the second acceptance");

        // The first item's acceptance is not K1's latest: its new revision takes it away without a count.
        put(tutor, a, first, reflection("K1", "S1")).statusCode(200);
        summary = stored().find(Filters.eq("_id", new ObjectId(a))).first();
        assertEquals(pending + 6, summary.getLong("pending"));
        assertEquals(List.of("K1", "K2"), summary.getList("covered", String.class));
        assertEquals(secondAccepted, latestAcceptance(summary, "K1"));
        assertEquals(List.of("K1", "K2", "S1"), summary.getList("evidenced", String.class));

        // Accepted again, the first holds K1's latest acceptance: taking it away leaves K1's next latest unknown.
        step(tutor, a, first, "submit", null).statusCode(200);
        step(tutor, a, first, "accept", null).statusCode(200);
        put(tutor, a, first, reflection("K1", "S1")).statusCode(200);
        summary = stored().find(Filters.eq("_id", new ObjectId(a))).first();
        assertEquals(summary.get("pending"), summary.get("computed"));
        assertEquals(List.of("B1", "K1", "K2", "S1"), summary.getList("evidenced", String.class), "counted again");

        items().deleteOne(Filters.eq("_id", slipped));
        summaries.changed(new ObjectId(a), ukprn, VERSION);
        assertSameAsAggregations(tutor, a);
        assertCohortSameAsAggregations(tutor, ukprn, 10);
        assertFiguresSameAsAggregations(ukprn);
    }

    /**
     * A write that dies between its evidence write and step 3, after a reader stored the counts meanwhile: the counts
     * may lack its change. Its announcement stays among the summary's writers, so a later write counts the evidence
     * again instead of applying its own change to them, and once it is older than the bound a reader counts again
     * too, and settles it.
     */
    @Test
    void aWriteThatDiedAfterAReaderStoredTheCountsIsNotBuiltOn() throws Exception {
        String ukprn = TestIds.ukprn();
        String tutor = Tokens.tutor(ukprn);
        String a = enrol(tutor, ukprn);
        String first = create(tutor, a, reflection("K1"));
        ObjectId id = new ObjectId(a);

        repository.announce(id, ukprn, VERSION, "dead-write"); // its step 1
        assertSameAsAggregations(tutor, a); // a reader meanwhile counts and stores
        Document summary = stored().find(Filters.eq("_id", id)).first();
        assertEquals(summary.get("pending"), summary.get("computed"));
        ObjectId written = slipIn(first, "B1"); // its evidence write, and then nothing

        create(tutor, a, reflection("K2"));
        summary = stored().find(Filters.eq("_id", id)).first();
        assertEquals(List.of("B1", "K1", "K2"), summary.getList("evidenced", String.class), "counted again");
        assertEquals(
                Set.of("dead-write"), summary.get("writers", Document.class).keySet());

        items().deleteOne(Filters.eq("_id", written)); // the counts now hold an item that is gone
        try {
            clock.advance(Duration.ofSeconds(61));
            assertSameAsAggregations(tutor, a);
        } finally {
            clock.reset();
        }
        summary = stored().find(Filters.eq("_id", id)).first();
        assertEquals(List.of("K1", "K2"), summary.getList("evidenced", String.class));
        assertEquals(Set.of(), summary.get("writers", Document.class).keySet());
        assertEquals(summary.get("pending"), summary.get("computed"));
    }

    private MongoCollection<Document> items() {
        return evidence.mongoCollection().withDocumentClass(Document.class);
    }

    /**
     * Inserts a copy of the item mapping only {@code code}, straight into the evidence collection (no summary step);
     * its id.
     */
    private ObjectId slipIn(String itemId, String code) {
        Document copy = items().find(Filters.eq("_id", new ObjectId(itemId))).first();
        copy.put("_id", new ObjectId());
        copy.remove("outbox");
        copy.get("content", Document.class).put("ksbCodes", List.of(code));
        items().insertOne(copy);
        return copy.getObjectId("_id");
    }

    private static Instant latestAcceptance(Document summary, String code) {
        return summary.getList("ksbs", Document.class).stream()
                .filter(k -> code.equals(k.getString("code")))
                .findFirst()
                .map(k -> k.getDate("latestAcceptedAt").toInstant())
                .orElseThrow();
    }

    @Test
    void aMissingOrStaleSummaryIsRecomputedByItsReader() throws Exception {
        String ukprn = TestIds.ukprn();
        String tutor = Tokens.tutor(ukprn);
        String a = enrol(tutor, ukprn);
        String b = enrol(tutor, ukprn);
        String accepted = create(tutor, a, reflection("K1", "S1"));
        step(tutor, a, accepted, "submit", null).statusCode(200);
        step(tutor, a, accepted, "accept", null).statusCode(200);
        create(tutor, b, reflection("K2"));
        assertSameAsAggregations(tutor, a);

        // Evidence from before summaries existed: no summary at all.
        stored().deleteOne(Filters.eq("_id", new ObjectId(a)));
        assertSameAsAggregations(tutor, a);
        assertNotEquals(null, stored().find(Filters.eq("_id", new ObjectId(a))).first());

        // A write that died between announcing itself and recomputing: wrong counts, marked stale.
        stored().updateOne(
                        Filters.eq("_id", new ObjectId(a)),
                        Updates.combine(
                                Updates.inc("pending", 1),
                                Updates.set("covered", List.of()),
                                Updates.set("ksbs", List.of())));
        assertSameAsAggregations(tutor, a);
        stored().updateOne(
                        Filters.eq("_id", new ObjectId(a)),
                        Updates.combine(Updates.inc("pending", 1), Updates.set("covered", List.of())));
        assertCohortSameAsAggregations(tutor, ukprn, 10);

        // A whole cohort from before summaries: its first read counts it once.
        stored().deleteMany(Filters.in("_id", List.of(new ObjectId(a), new ObjectId(b))));
        mongo.getDatabase("evidence")
                .getCollection(CoverageSummaryRepository.COHORTS)
                .deleteOne(Filters.eq("_id", ukprn + "/" + VERSION));
        assertCohortSameAsAggregations(tutor, ukprn, 10);
        Document summary = stored().find(Filters.eq("_id", new ObjectId(b))).first();
        assertEquals(summary.get("pending"), summary.get("computed"));

        // The counting creates stale summaries only where there is none: an existing one is left as it is.
        ObjectId other = new ObjectId();
        assertEquals(Set.of(other), repository.createStale(ukprn, VERSION, List.of(new ObjectId(b), other)));
        assertEquals(summary, stored().find(Filters.eq("_id", new ObjectId(b))).first());
        stored().deleteOne(Filters.eq("_id", other));
    }

    /** Evidence made from an xAPI statement, and withdrawn by voiding it, keeps the stored summary fresh. */
    @Test
    void statementsAndTheirVoidingKeepTheSummary() throws Exception {
        String ukprn = TestIds.ukprn();
        String uln = TestIds.uln();
        String a = EvidenceResourceTest.enrol(uln, ukprn, TestIds.employerId(), VERSION);
        XapiStatementResourceTest.Lms lms = XapiStatementResourceTest.lms(ukprn);
        String id = java.util.UUID.randomUUID().toString();
        XapiEvidenceTest.send(
                lms,
                XapiEvidenceTest.about(
                        uln,
                        id,
                        "http://adlnet.gov/expapi/verbs/passed",
                        XapiEvidenceTest.ksbs("K3", "S1"),
                        "{\"completion\":true}"),
                200);
        Document summary = stored().find(Filters.eq("_id", new ObjectId(a))).first();
        assertEquals(summary.get("pending"), summary.get("computed"));
        assertEquals(List.of("K3", "S1"), summary.getList("evidenced", String.class));
        assertSameAsAggregations(Tokens.tutor(ukprn), a);

        XapiEvidenceTest.send(
                lms,
                "{\"actor\":{\"mbox\":\"mailto:lms@example.org\"},\"verb\":{\"id\":\""
                        + uk.apprenticeships.st1398.evidence.xapi.StatementValidator.VOIDED
                        + "\"},\"object\":{\"objectType\":\"StatementRef\",\"id\":\"" + id + "\"}}",
                200);
        summary = stored().find(Filters.eq("_id", new ObjectId(a))).first();
        assertEquals(summary.get("pending"), summary.get("computed"));
        assertEquals(List.of(), summary.getList("evidenced", String.class));
        assertSameAsAggregations(Tokens.tutor(ukprn), a);
    }

    /** One valid step for an item with this status, chosen at random; the step's name. */
    private String act(String tutor, String a, String id, String status, Random random, List<String> mine) {
        switch (status) {
            case "draft" -> {
                int pick = random.nextInt(4);
                if (pick == 0) {
                    put(tutor, a, id, reflection(codes(random))).statusCode(200);
                    return "edit";
                }
                if (pick == 1) {
                    Evidence e = evidence.findById(new ObjectId(id));
                    // As an LMS voiding its statement withdraws a draft (XapiEvidence.withdraw).
                    assertTrue(summaries.around(
                            e.apprenticeId,
                            e.providerUkprn,
                            e.standardVersion,
                            Contribution.of(e),
                            Contribution.NONE,
                            () -> evidence.withdrawDraft(e, e.version, List.of(), clock.instant())));
                    mine.remove(id);
                    return "withdraw";
                }
                step(tutor, a, id, "submit", null).statusCode(200);
                return "submit";
            }
            case "submitted" -> {
                if (random.nextInt(3) == 0) {
                    step(tutor, a, id, "refer-back", "More detail, please").statusCode(200);
                    return "refer-back";
                }
                step(tutor, a, id, "accept", null).statusCode(200);
                return "accept";
            }
            case "referred-back" -> {
                if (random.nextBoolean()) {
                    put(tutor, a, id, reflection(codes(random))).statusCode(200);
                    return "edit";
                }
                step(tutor, a, id, "submit", null).statusCode(200);
                return "submit";
            }
            default -> {
                put(tutor, a, id, reflection(codes(random))).statusCode(200);
                return "revise";
            }
        }
    }

    private static String[] codes(Random random) {
        List<String> codes = new ArrayList<>(POOL);
        java.util.Collections.shuffle(codes, random);
        return codes.subList(0, 1 + random.nextInt(3)).toArray(String[]::new);
    }

    private void assertSameAsAggregations(String tutor, String apprenticeId) throws Exception {
        String body = given().auth()
                .oauth2(tutor)
                .when()
                .get("/api/v1/apprentices/" + apprenticeId + "/coverage")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(tree(expectedFor(apprenticeId)), json.readTree(body), body);
    }

    private void assertCohortSameAsAggregations(String tutor, String ukprn, int size) throws Exception {
        long total = apprentices.count(new ApprenticeRepository.Filter(ukprn, null, null, null, VERSION));
        for (int page = 0; page * size < Math.max(total, 1); page++) {
            String body = given().auth()
                    .oauth2(tutor)
                    .when()
                    .get("/api/v1/providers/" + ukprn + "/coverage?standardVersion=" + VERSION + "&page=" + page
                            + "&size=" + size)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertEquals(tree(expectedForProvider(ukprn, new PageRequest(page, size))), json.readTree(body), body);
        }
    }

    private Document figures(String ukprn) {
        return mongo.getDatabase("evidence")
                .getCollection(CohortCoverageRepository.COLLECTION)
                .find(Filters.eq("_id", ukprn + "/" + VERSION))
                .first();
    }

    /**
     * The cohort's stored figures, as stored: trusted (valid, no write registered) and, per KSB code, the number of
     * the cohort's apprentices the aggregation finds covering it.
     */
    private void assertFiguresSameAsAggregations(String ukprn) {
        Document stored = figures(ukprn);
        assertNotEquals(null, stored, "the cohort's figures");
        assertEquals(true, stored.getBoolean("valid"), stored.toJson());
        assertTrue(stored.get("writers", Document.class).isEmpty(), stored.toJson());
        Map<String, Long> expected = new HashMap<>();
        for (KsbApprentices k :
                oracle.apprenticesPerKsb(ukprn, VERSION, EvidenceStatus.ACCEPTED, catalogue.codes(VERSION))) {
            if (k.apprentices() != 0) {
                expected.put(k.code(), k.apprentices());
            }
        }
        Map<String, Long> actual = new HashMap<>();
        stored.get("coveredBy", Document.class).forEach((code, n) -> {
            if (((Number) n).longValue() != 0) {
                actual.put(code, ((Number) n).longValue());
            }
        });
        assertEquals(expected, actual, stored.toJson());
    }

    private JsonNode tree(Object value) throws Exception {
        return json.readTree(json.writeValueAsString(value));
    }

    /** What CoverageService.forApprentice answered before summaries, from the same aggregations. */
    private ApprenticeCoverageResponse expectedFor(String id) {
        Apprentice a = apprentices.findById(new ObjectId(id));
        Set<String> codes = catalogue.codes(a.standardVersion);
        Map<String, int[]> counts = new HashMap<>();
        for (KsbStatusCount c : oracle.byKsbAndStatus(a.id)) {
            int[] n = counts.computeIfAbsent(c.code(), k -> new int[2]);
            n[c.status() == EvidenceStatus.ACCEPTED ? 0 : 1] += c.count();
        }
        Map<String, Instant> latestAccepted =
                oracle.latestAcceptance(a.id, EvidenceStatus.ACCEPTED, WorkflowAction.ACCEPTED);
        List<KsbCoverageResponse> ksbs = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        int covered = 0;
        int inProgress = 0;
        for (String code : codes) {
            int[] n = counts.getOrDefault(code, new int[2]);
            KsbCoverage status = KsbCoverage.of(n[0], n[1]);
            switch (status) {
                case COVERED -> covered++;
                case IN_PROGRESS -> inProgress++;
                case GAP -> gaps.add(code);
            }
            ksbs.add(new KsbCoverageResponse(code, status, n[0], n[1], latestAccepted.get(code)));
        }
        return new ApprenticeCoverageResponse(
                a.id.toHexString(),
                a.standardVersion,
                codes.size(),
                covered,
                inProgress,
                percentage(covered, codes.size()),
                gaps,
                ksbs);
    }

    /** What CoverageService.forProvider answered before summaries, from the same aggregations. */
    private ProviderCoverageResponse expectedForProvider(String ukprn, PageRequest page) {
        Set<String> codes = catalogue.codes(VERSION);
        ApprenticeRepository.Filter cohort = new ApprenticeRepository.Filter(ukprn, null, null, null, VERSION);
        long total = apprentices.count(cohort);
        List<Apprentice> onPage = apprentices.list(cohort, page);
        Map<ObjectId, Set<String>> coveredBy = new HashMap<>();
        Map<ObjectId, Set<String>> evidencedBy = new HashMap<>();
        for (ApprenticeKsbStatus s :
                oracle.byApprenticeKsbAndStatus(onPage.stream().map(a -> a.id).toList())) {
            if (!codes.contains(s.code())) {
                continue;
            }
            evidencedBy.computeIfAbsent(s.apprenticeId(), k -> new HashSet<>()).add(s.code());
            if (s.status() == EvidenceStatus.ACCEPTED) {
                coveredBy
                        .computeIfAbsent(s.apprenticeId(), k -> new HashSet<>())
                        .add(s.code());
            }
        }
        List<ApprenticeCoverageSummary> items = onPage.stream()
                .map(a -> {
                    int covered = coveredBy.getOrDefault(a.id, Set.of()).size();
                    int evidenced = evidencedBy.getOrDefault(a.id, Set.of()).size();
                    return new ApprenticeCoverageSummary(
                            a.id.toHexString(),
                            a.givenName,
                            a.familyName,
                            a.uln,
                            a.status,
                            covered,
                            evidenced - covered,
                            codes.size() - evidenced,
                            percentage(covered, codes.size()));
                })
                .toList();
        Map<String, Long> perKsb = new HashMap<>();
        long coveredPairs = 0;
        for (KsbApprentices k : oracle.apprenticesPerKsb(ukprn, VERSION, EvidenceStatus.ACCEPTED, codes)) {
            perKsb.put(k.code(), k.apprentices());
            coveredPairs += k.apprentices();
        }
        double average =
                total == 0 || codes.isEmpty() ? 0.0 : round(100.0 * coveredPairs / ((double) total * codes.size()));
        CohortCoverageResponse aggregate = new CohortCoverageResponse(
                total,
                average,
                codes.stream()
                        .map(c -> new KsbCohortCoverage(c, perKsb.getOrDefault(c, 0L)))
                        .toList());
        int totalPages = (int) ((total + page.size() - 1) / page.size());
        return new ProviderCoverageResponse(
                ukprn, VERSION, codes.size(), aggregate, items, page.page(), page.size(), total, totalPages);
    }

    private static double percentage(int covered, int total) {
        return total == 0 ? 0.0 : round(100.0 * covered / total);
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
}
