package uk.apprenticeships.st1398.evidence.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Derived data, and changes whose audit event follows, are written without waiting for the journal, with the
 * deployment's acknowledgement otherwise kept.
 */
class UnjournaledWritesTest {

    @Test
    void keepsTheWriteConcernsAcknowledgementAndDropsOnlyTheJournalWait() {
        // No server is contacted: the client connects lazily.
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:1")) {
            for (WriteConcern configured :
                    new WriteConcern[] {WriteConcern.W1.withJournal(true), WriteConcern.MAJORITY.withJournal(true)}) {
                MongoCollection<Document> collection = client.getDatabase("evidence")
                        .getCollection("coverage_summaries")
                        .withWriteConcern(configured);
                for (WriteConcern unjournaled : new WriteConcern[] {
                    UnjournaledWrites.derived(collection).getWriteConcern(),
                    UnjournaledWrites.beforeTheirAuditEvent(collection).getWriteConcern()
                }) {
                    assertFalse(unjournaled.getJournal(), configured + ": no journal wait");
                    assertEquals(configured.getWObject(), unjournaled.getWObject(), configured + ": the same w");
                }
            }
        }
    }
}
