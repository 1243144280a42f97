package uk.apprenticeships.st1398.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.create;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.enrol;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.reflection;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.step;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.evidence.MongoCommands.Sent;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * What an evidence change sends to the store. Which of its writes wait for the journal: the change itself does not, its audit event (appended
 * after it) does, and the request answers only after the event, so the answer still means the change is durable
 * (repository {@code UnjournaledWrites}: a journaled write is acknowledged only once every write before it is durable).
 */
@QuarkusTest
class EvidenceWriteCommandsTest {

    private final MongoCommands commands;

    EvidenceWriteCommandsTest(MongoCommands commands) {
        this.commands = commands;
    }

    /** What a new apprentice's first evidence create sent, then what the item's submit sent. */
    private record CreateThenSubmit(List<Sent> created, List<Sent> submitted) {}

    private CreateThenSubmit createThenSubmit() {
        String ukprn = TestIds.ukprn();
        String apprentice = enrol(TestIds.uln(), ukprn, TestIds.employerId(), "ST1398_1.0");
        String tutor = Tokens.tutor(ukprn);
        String[] id = new String[1];
        List<Sent> created = commands.during(() -> id[0] = create(tutor, apprentice, reflection("K1")));
        List<Sent> submitted = commands.during(
                () -> step(tutor, apprentice, id[0], "submit", null).statusCode(200));
        return new CreateThenSubmit(created, submitted);
    }

    @Test
    void anEvidenceCreateAndAWorkflowStepAreDurableThroughTheirJournaledAuditEvent() {
        CreateThenSubmit sent = createThenSubmit();
        MongoCommands.assertChangeThenJournaledEvent(sent.created(), "evidence", "insert");
        MongoCommands.assertChangeThenJournaledEvent(sent.submitted(), "evidence", "update");
    }

    @Test
    void anEvidenceCreateAndAWorkflowStepReadTheirApprenticeOnce() {
        CreateThenSubmit recorded = createThenSubmit();
        for (List<Sent> sent : List.of(recorded.created(), recorded.submitted())) {
            // The access check reads them; the event staged with the change is scoped by the same read.
            assertEquals(
                    1,
                    sent.stream()
                            .filter(c -> c.collection().equals("apprentices"))
                            .count(),
                    () -> MongoCommands.describe(sent));
        }
    }

    @Test
    void aDraftMadeFromAnXapiStatementIsDurableThroughItsAuditEventAndReadsItsApprenticeOnce() {
        String ukprn = TestIds.ukprn();
        String uln = TestIds.uln();
        enrol(uln, ukprn, TestIds.employerId(), "ST1398_1.0");
        XapiStatementResourceTest.Lms lms = XapiStatementResourceTest.lms(ukprn);
        String statement = XapiEvidenceTest.about(
                uln,
                UUID.randomUUID().toString(),
                "http://adlnet.gov/expapi/verbs/completed",
                XapiEvidenceTest.ksbs("K1"),
                "{\"completion\":true}");
        List<Sent> sent = commands.during(() -> XapiEvidenceTest.send(lms, statement, 200));
        MongoCommands.assertChangeThenJournaledEvent(sent, "evidence", "insert");
        // The statement's actor is resolved to the apprentice by one find; the draft's event is scoped by that read.
        assertEquals(
                1,
                sent.stream()
                        .filter(c ->
                                c.collection().equals("apprentices") && c.name().equals("find"))
                        .count(),
                () -> MongoCommands.describe(sent));
    }
}
