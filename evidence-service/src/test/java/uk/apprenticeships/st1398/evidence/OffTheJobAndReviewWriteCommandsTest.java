package uk.apprenticeships.st1398.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.evidence.MongoCommands.Sent;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * What an off-the-job or progress-review write reads of its apprentice: once, for the access check. The domain event
 * staged with the change is scoped by that same read (its provider and employer), not by a second one.
 */
@QuarkusTest
class OffTheJobAndReviewWriteCommandsTest {

    private final MongoCommands commands;

    OffTheJobAndReviewWriteCommandsTest(MongoCommands commands) {
        this.commands = commands;
    }

    @Test
    void eachOffTheJobAndReviewWriteReadsItsApprenticeOnceAndAnEntryIsDurableThroughItsAuditEvent() {
        String ukprn = TestIds.ukprn();
        String employer = TestIds.employerId();
        String a =
                OffTheJobResourceTest.enrol(TestIds.uln(), ukprn, employer, "ST1398_1.0", "2025-09-01", "2027-09-01");
        String tutor = Tokens.tutor(ukprn);
        Map<String, List<Sent>> sent = new LinkedHashMap<>();
        String[] ids = new String[3];

        sent.put(
                "off-the-job create",
                commands.during(() -> ids[0] =
                        OffTheJobResourceTest.create(tutor, a, OffTheJobResourceTest.entry("2025-10-06", 2, "K1"))));
        ids[1] = OffTheJobResourceTest.create(tutor, a, OffTheJobResourceTest.entry("2025-10-07", 3));
        sent.put(
                "off-the-job update",
                commands.during(() -> OffTheJobResourceTest.put(
                                tutor,
                                a,
                                ids[0],
                                OffTheJobResourceTest.with(
                                        OffTheJobResourceTest.entry("2025-10-06", 4, "K1"), "version", 1))
                        .statusCode(200)));
        sent.put(
                "off-the-job approve",
                commands.during(
                        () -> OffTheJobResourceTest.approve(tutor, a, ids[0]).statusCode(200)));
        sent.put(
                "off-the-job delete",
                commands.during(
                        () -> OffTheJobResourceTest.delete(tutor, a, ids[1]).statusCode(204)));

        sent.put(
                "review create",
                commands.during(() -> ids[2] = ProgressReviewResourceTest.create(
                        tutor, a, ProgressReviewResourceTest.review("2025-12-01", "K1"))));
        sent.put(
                "review update",
                commands.during(() -> ProgressReviewResourceTest.put(
                                tutor,
                                a,
                                ids[2],
                                withVersion(ProgressReviewResourceTest.review("2025-12-02", "K1", "S3"), 1))
                        .statusCode(200)));
        sent.put(
                "review sign-off",
                commands.during(() -> ProgressReviewResourceTest.sign(tutor, a, ids[2], "provider")
                        .statusCode(200)));

        // An entry's write waits for no commit of its own: its journaled audit event, appended next, makes it durable.
        MongoCommands.assertChangeThenJournaledEvent(sent.get("off-the-job create"), "offTheJob", "insert");
        MongoCommands.assertChangeThenJournaledEvent(sent.get("off-the-job update"), "offTheJob", "update");
        MongoCommands.assertChangeThenJournaledEvent(sent.get("off-the-job approve"), "offTheJob", "update");

        sent.forEach((write, commandsSent) -> assertEquals(
                1,
                commandsSent.stream()
                        .filter(c -> c.collection().equals("apprentices"))
                        .count(),
                () -> write + ":\n" + MongoCommands.describe(commandsSent)));
    }

    private static Map<String, Object> withVersion(Map<String, Object> body, long version) {
        body.put("version", version);
        return body;
    }
}
