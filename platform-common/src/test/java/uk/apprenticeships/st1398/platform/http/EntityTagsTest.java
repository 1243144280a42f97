package uk.apprenticeships.st1398.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityTagsTest {

    private static final String TAG = EntityTags.of("{\"a\":1}".getBytes(StandardCharsets.UTF_8));

    @Test
    void tagIsAQuotedUrlSafeDigestOfTheBytes() {
        assertTrue(TAG.matches("^\"[A-Za-z0-9_-]{43}\"$"), TAG);
        assertEquals(TAG, EntityTags.of("{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
        assertNotEquals(TAG, EntityTags.of("{\"a\":2}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void ifNoneMatchUsesWeakComparisonOverLists() {
        assertTrue(EntityTags.noneMatchHits(TAG, TAG));
        assertTrue(EntityTags.noneMatchHits("W/" + TAG, TAG));
        assertTrue(EntityTags.noneMatchHits("\"other\", " + TAG, TAG));
        assertTrue(EntityTags.noneMatchHits("\"other\",W/" + TAG + " ,\"x\"", TAG));
        assertTrue(EntityTags.noneMatchHits(" * ", TAG));
        assertFalse(EntityTags.noneMatchHits("\"other\"", TAG));
        assertFalse(EntityTags.noneMatchHits(null, TAG));
        assertFalse(EntityTags.noneMatchHits("", TAG));
    }

    @Test
    void malformedValuesMatchNothingAndNeverFail() {
        assertFalse(EntityTags.noneMatchHits(TAG.substring(1, TAG.length() - 1), TAG));
        assertFalse(EntityTags.noneMatchHits("\"unterminated", TAG));
        assertFalse(EntityTags.noneMatchHits("W/", TAG));
        assertFalse(EntityTags.noneMatchHits("*, " + TAG.replace('"', '\''), TAG));
    }

    @Test
    void commasInsideTagsDoNotSplitThem() {
        assertEquals(List.of("\"a,b\"", "\"c\""), EntityTags.parse("\"a,b\", W/\"c\""));
    }
}
