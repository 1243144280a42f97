package uk.apprenticeships.st1398.evidence.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.UnaryOperator;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/** The pure old-shape → stamp-shape rewrites, on documents written as the service used to write them. */
class StampShapesTest {

    private static final String T1 = "{\"$date\": \"2025-09-01T09:00:00Z\"}";
    private static final String T2 = "{\"$date\": \"2025-10-06T10:30:00Z\"}";

    private static BsonDocument json(String json) {
        return BsonDocument.parse(json);
    }

    /** Upgrades, and checks that upgrading the result again changes nothing and the input was not touched. */
    private static BsonDocument upgraded(UnaryOperator<BsonDocument> upgrade, String old) {
        BsonDocument stored = json(old);
        BsonDocument once = upgrade.apply(stored);
        assertEquals(json(old), stored, "the stored document is not modified in place");
        assertEquals(once, upgrade.apply(once), "a second upgrade changes nothing");
        return once;
    }

    @Test
    void apprenticeHistoryAndErasure() {
        BsonDocument d = upgraded(
                StampShapes::apprentice,
                "{status: 'withdrawn', statusHistory: ["
                        + "{status: 'active', at: " + T1 + ", by: 'tutor-1', effectiveDate: " + T1 + "},"
                        + "{status: 'withdrawn', at: " + T2 + ", by: 'tutor-2', reason: 'Left'}],"
                        + "erasure: {startedAt: " + T2 + ", by: 'admin-1', reason: 'Asked'}}");
        assertEquals(
                json("{status: 'withdrawn', statusHistory: ["
                        + "{status: 'active', effectiveDate: " + T1 + ", stamp: {subject: 'tutor-1', at: " + T1 + "}},"
                        + "{status: 'withdrawn', reason: 'Left', stamp: {subject: 'tutor-2', at: " + T2 + "}}],"
                        + "erasure: {reason: 'Asked', started: {subject: 'admin-1', at: " + T2 + "}}}"),
                d);
    }

    @Test
    void tombstone() {
        assertEquals(
                json("{providerUkprn: '10000001', reason: 'Asked', erased: {subject: 'admin-1', at: " + T2 + "}}"),
                upgraded(
                        StampShapes::tombstone,
                        "{providerUkprn: '10000001', erasedAt: " + T2 + ", erasedBy: 'admin-1', reason: 'Asked'}"));
    }

    @Test
    void evidenceEverywhereAStampLives() {
        String file = "{fileId: {$oid: '665f1c2e9b1d4a3f8c0e1a2c'}, filename: 'a.pdf', size: {$numberLong: '3'}, ";
        BsonDocument d = upgraded(
                StampShapes::evidence,
                "{revision: 2, createdAt: " + T1 + ", createdBy: 'tutor-1',"
                        + "content: {kind: 'file', file: " + file + "uploadedAt: " + T2 + ", uploadedBy: 'tutor-2'}},"
                        + "employerConfirmation: {action: 'confirmed', status: 'submitted', revision: 2, by: 'emp-1', at: "
                        + T2 + "},"
                        + "history: [{action: 'created', status: 'draft', revision: 1, by: 'tutor-1', at: " + T1 + "},"
                        + "{action: 'referred-back', status: 'referred-back', revision: 1, by: 'tutor-2', at: " + T2
                        + ", feedback: 'More'}],"
                        + "revisions: [{revision: 1, status: 'accepted', content: {kind: 'file', file: " + file
                        + "uploadedAt: " + T1 + ", uploadedBy: 'tutor-1'}},"
                        + "employerConfirmation: {action: 'confirmed', status: 'submitted', revision: 1, by: 'emp-1', at: "
                        + T1 + "}, supersededAt: " + T2 + ", supersededBy: 'tutor-2'}]}");
        assertEquals(
                json("{revision: 2, createdAt: " + T1 + ", createdBy: {subject: 'tutor-1', at: " + T1 + "},"
                        + "content: {kind: 'file', file: " + file + "uploaded: {subject: 'tutor-2', at: " + T2 + "}}},"
                        + "employerConfirmation: {action: 'confirmed', status: 'submitted', revision: 2, "
                        + "stamp: {subject: 'emp-1', at: " + T2 + "}},"
                        + "history: [{action: 'created', status: 'draft', revision: 1, stamp: {subject: 'tutor-1', at: "
                        + T1
                        + "}}, {action: 'referred-back', status: 'referred-back', revision: 1, feedback: 'More', "
                        + "stamp: {subject: 'tutor-2', at: " + T2 + "}}],"
                        + "revisions: [{revision: 1, status: 'accepted', content: {kind: 'file', file: " + file
                        + "uploaded: {subject: 'tutor-1', at: " + T1 + "}}},"
                        + "employerConfirmation: {action: 'confirmed', status: 'submitted', revision: 1, "
                        + "stamp: {subject: 'emp-1', at: " + T1 + "}}, superseded: {subject: 'tutor-2', at: " + T2
                        + "}}]}"),
                d);
    }

    @Test
    void offTheJobEntryPendingAndDecided() {
        assertEquals(
                json("{status: 'pending', createdAt: " + T1 + ", createdBy: {subject: 'app-1', at: " + T1 + "}}"),
                upgraded(
                        StampShapes::offTheJobEntry, "{status: 'pending', createdAt: " + T1 + ", createdBy: 'app-1'}"));
        assertEquals(
                json("{status: 'approved', createdAt: " + T1 + ", createdBy: {subject: 'app-1', at: " + T1
                        + "}, decided: {subject: 'tutor-1', at: " + T2 + "}}"),
                upgraded(
                        StampShapes::offTheJobEntry,
                        "{status: 'approved', decidedBy: 'tutor-1', decidedAt: " + T2 + ", createdAt: " + T1
                                + ", createdBy: 'app-1'}"));
    }

    @Test
    void reviewSignOffsBecomeStamps() {
        assertEquals(
                json("{apprenticeSignOff: {subject: 'app-1', at: " + T2 + "}, providerSignOff: {subject: "
                        + "'tutor-1', at: " + T2 + "}, createdAt: " + T1 + ", createdBy: {subject: 'tutor-1', at: " + T1
                        + "}}"),
                upgraded(
                        StampShapes::review,
                        "{apprenticeSignOff: {by: 'app-1', at: " + T2 + "}, " + "providerSignOff: {by: 'tutor-1', at: "
                                + T2 + "}, createdAt: " + T1 + ", createdBy: 'tutor-1'}"));
    }

    @Test
    void theCurrentShapeIsLeftAlone() {
        String current = "{createdAt: " + T1 + ", createdBy: {subject: 'tutor-1', displayName: 'Tom', role: 'tutor', "
                + "requestId: 'r-1', at: " + T1 + "}, decided: {subject: 'tutor-1', at: " + T2 + "}, "
                + "apprenticeSignOff: {subject: 'app-1', role: 'apprentice', at: " + T2 + "}, "
                + "history: [{action: 'created', status: 'draft', revision: 1, stamp: {subject: 'tutor-1', at: " + T1
                + "}}], statusHistory: [{status: 'active', stamp: {subject: 'tutor-1', at: " + T1 + "}}]}";
        for (UnaryOperator<BsonDocument> upgrade : java.util.List.<UnaryOperator<BsonDocument>>of(
                StampShapes::apprentice,
                StampShapes::tombstone,
                StampShapes::evidence,
                StampShapes::offTheJobEntry,
                StampShapes::review)) {
            assertEquals(json(current), upgrade.apply(json(current)));
        }
    }

    @Test
    void aStampAlreadyThereWinsAndTheOldFieldsGo() {
        BsonDocument d = upgraded(
                StampShapes::offTheJobEntry,
                "{decidedBy: 'old', decidedAt: " + T1 + ", decided: {subject: 'new', at: " + T2 + "}}");
        assertEquals(json("{decided: {subject: 'new', at: " + T2 + "}}"), d);
    }

    @Test
    void missingOrNullOldValuesMakeNoStamp() {
        assertEquals(
                json("{status: 'pending'}"),
                upgraded(StampShapes::offTheJobEntry, "{status: 'pending', decidedBy: null, decidedAt: null}"));
        BsonDocument onlyTime = upgraded(StampShapes::tombstone, "{erasedAt: " + T2 + "}");
        assertEquals(json("{erased: {at: " + T2 + "}}"), onlyTime);
        assertFalse(onlyTime.getDocument("erased").containsKey("subject"));
    }

    @Test
    void valuesOfAnUnexpectedTypeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> StampShapes.offTheJobEntry(json("{decidedBy: 42}")));
        assertThrows(
                IllegalArgumentException.class,
                () -> StampShapes.tombstone(json("{erasedBy: 'admin-1', erasedAt: '2025-01-01'}")));
    }
}
