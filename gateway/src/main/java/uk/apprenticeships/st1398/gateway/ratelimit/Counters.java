package uk.apprenticeships.st1398.gateway.ratelimit;

import io.vertx.core.Future;

/** Where the request counters live: in this process, or in Redis shared by every gateway replica. */
public interface Counters {

    /**
     * Counts one request of {@code key} in the window numbered {@code window} and answers the count so far.
     *
     * @param windowMillis the window's length, so the store can forget the counter once it is over
     */
    Future<Long> increment(String key, long window, long windowMillis);
}
