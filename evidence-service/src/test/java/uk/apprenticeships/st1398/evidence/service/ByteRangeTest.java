package uk.apprenticeships.st1398.evidence.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void singleRanges() {
        assertEquals(new ByteRange(0, 100, false), ByteRange.of(null, 100));
        assertEquals(new ByteRange(10, 10, true), ByteRange.of("bytes=10-19", 100));
        assertEquals(new ByteRange(90, 10, true), ByteRange.of("bytes=90-", 100));
        assertEquals(new ByteRange(90, 10, true), ByteRange.of("bytes=90-1000", 100));
        assertEquals(new ByteRange(95, 5, true), ByteRange.of("bytes=-5", 100));
        assertEquals(new ByteRange(0, 100, true), ByteRange.of("bytes=-500", 100));
        assertEquals("bytes 10-19/100", ByteRange.of("bytes=10-19", 100).contentRange(100));
    }

    @Test
    void malformedOrMultipleRangesSelectTheWhole() {
        ByteRange whole = new ByteRange(0, 100, false);
        assertEquals(whole, ByteRange.of("bytes=0-1,5-6", 100));
        assertEquals(whole, ByteRange.of("bytes=20-10", 100));
        assertEquals(whole, ByteRange.of("items=0-1", 100));
        assertEquals(whole, ByteRange.of("bytes=-", 100));
        assertEquals(whole, ByteRange.of("bytes=99999999999999999999-", 100));
    }

    @Test
    void rangesBeyondTheEndAreUnsatisfiable() {
        assertEquals(
                100,
                assertThrows(ByteRange.Unsatisfiable.class, () -> ByteRange.of("bytes=100-", 100))
                        .size());
        assertThrows(ByteRange.Unsatisfiable.class, () -> ByteRange.of("bytes=100-200", 100));
        assertThrows(ByteRange.Unsatisfiable.class, () -> ByteRange.of("bytes=-0", 100));
        assertThrows(ByteRange.Unsatisfiable.class, () -> ByteRange.of("bytes=0-", 0));
    }
}
