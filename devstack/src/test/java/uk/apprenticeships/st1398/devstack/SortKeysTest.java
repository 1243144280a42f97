package uk.apprenticeships.st1398.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import de.bwaldvogel.mongo.backend.DocumentComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link SortKeys} sorts as the library's {@link DocumentComparator} does, stably, over values of any kind. */
class SortKeysTest {

    private static final Object[] VALUES = {
        null,
        "",
        "Ahmed",
        "ahmed",
        "Brown",
        "Zhou",
        1,
        2L,
        2.5,
        -3,
        true,
        false,
        List.of(3, 1),
        List.of("b"),
        new Document("x", 1),
        java.time.Instant.EPOCH,
        java.time.Instant.ofEpochSecond(86_400)
    };

    @Test
    void theOrderIsTheLibrarysForRandomDocumentsAndOrders() {
        Random random = new Random(4343);
        List<Document> orders = List.of(
                new Document("familyName", 1).append("givenName", 1).append("_id", 1),
                new Document("n", 1),
                new Document("stored", -1),
                new Document("a.b", 1).append("n", -1),
                new Document("givenName", -1).append("familyName", 1));
        for (int round = 0; round < 200; round++) {
            List<Document> documents = new ArrayList<>();
            int size = random.nextInt(60);
            for (int i = 0; i < size; i++) {
                Document document = new Document("_id", i).append("seq", i);
                for (String field : new String[] {"familyName", "givenName", "n", "stored", "a"}) {
                    if (random.nextInt(5) == 0) {
                        continue; // missing
                    }
                    Object value = VALUES[random.nextInt(VALUES.length)];
                    document.put(field, field.equals("a") ? new Document("b", value) : value);
                }
                documents.add(document);
            }
            for (Document orderBy : orders) {
                List<Document> expected = new ArrayList<>(documents);
                expected.sort(new DocumentComparator(orderBy)); // stable, as the library sorts
                SortKeys keys = new SortKeys(orderBy);
                documents.forEach(keys::add);
                List<Document> actual = new ArrayList<>();
                for (int i : keys.order()) {
                    actual.add(documents.get(i));
                }
                assertEquals(seq(expected), seq(actual), "order " + orderBy + " in round " + round);
            }
        }
    }

    private static List<Object> seq(List<Document> documents) {
        return documents.stream().map(d -> d.get("seq")).toList();
    }
}
