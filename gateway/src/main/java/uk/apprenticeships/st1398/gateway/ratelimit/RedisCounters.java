package uk.apprenticeships.st1398.gateway.ratelimit;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;

/**
 * Counters in Redis, shared by every gateway replica: one key per client, route group and window, incremented and
 * given its expiry in one atomic script (one round trip per request).
 */
public final class RedisCounters implements Counters {

    private static final String SCRIPT = "local c = redis.call('INCR', KEYS[1]) "
            + "if c == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return c";

    private final Redis redis;
    private final String prefix;

    public RedisCounters(Redis redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    @Override
    public Future<Long> increment(String key, long window, long windowMillis) {
        Request request = Request.cmd(Command.EVAL)
                .arg(SCRIPT)
                .arg(1)
                .arg(prefix + key + ":" + window)
                // kept a little past the window's end, so a replica whose clock is slightly behind still finds it
                .arg(windowMillis + 5_000);
        return redis.send(request).map(response -> response.toLong());
    }
}
