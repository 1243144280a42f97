package uk.apprenticeships.st1398.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsGenerateTest {

    @Test
    void generatedIdsAreDistinctVersion4Uuids() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RequestIds.generate();
            UUID uuid = UUID.fromString(id);
            assertEquals(4, uuid.version(), id);
            assertEquals(2, uuid.variant(), id);
            assertTrue(seen.add(id), "unique: " + id);
            assertEquals(id, RequestIds.accept(id), "a generated id is accepted back as a caller's");
        }
        assertTrue(RequestIds.accept("bad id with spaces").matches("[0-9a-f-]{36}"));
    }
}
