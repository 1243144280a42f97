package uk.apprenticeships.st1398.testing;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fresh identifiers for test data, so tests never share records by accident and nobody allocates id ranges by hand.
 * Every call returns a value not returned before in this JVM; the sequence starts at a random point, so repeated runs
 * against a database that kept earlier data do not meet their own records either.
 */
public final class TestIds {

    private static final AtomicLong NEXT =
            new AtomicLong(ThreadLocalRandom.current().nextLong(1, 1_000_000));

    private TestIds() {}

    /** A Unique Learner Number: 10 digits, not starting with 0. */
    public static String uln() {
        return Long.toString(1_000_000_000L + NEXT.getAndIncrement() % 8_999_999_999L);
    }

    /** A UK provider reference number: 8 digits. */
    public static String ukprn() {
        return Long.toString(10_000_000L + NEXT.getAndIncrement() % 89_999_999L);
    }

    /** An employer id of the platform. */
    public static String employerId() {
        return "EMP-" + NEXT.getAndIncrement();
    }

    /** An assessment organisation id: EPA and 4 digits (only 10,000 exist, so the sequence wraps). */
    public static String epaoId() {
        return String.format("EPA%04d", NEXT.getAndIncrement() % 10_000);
    }

    /** A short unique suffix for names, references and keys. */
    public static String suffix() {
        return Long.toString(NEXT.getAndIncrement(), 36);
    }
}
