package com.hiwar.ratelimit;

import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One GCRA decision per call, made atomically in Redis by a Lua script that reads Redis'
 * own clock, so every instance sharing the Redis agrees exactly. One round trip: EVALSHA,
 * with EVAL only when Redis has lost the script (a restart, SCRIPT FLUSH).
 */
public class Gcra {

    static final String SCRIPT = load();

    private final RedisDataSource redis;
    private volatile String sha;

    public Gcra(RedisDataSource redis) {
        this.redis = redis;
    }

    /** A limit: {@code burst} requests at once, refilled evenly over {@code period}. */
    public record Limit(String name, int burst, Duration period) {
        public Limit {
            if (burst < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("limit " + name + " needs burst >= 1 and a positive period");
            }
        }

        long intervalMicros() {
            return Math.max(1, period.toNanos() / 1000 / burst);
        }
    }

    /** The outcome; {@code retryAfter} is zero when allowed, {@code reset} is when the bucket is full again. */
    public record Decision(boolean allowed, long remaining, Duration retryAfter, Duration reset, Limit limit) {}

    public Decision acquire(String key, Limit limit) {
        String[] args = {"1", key, Long.toString(limit.intervalMicros()), Integer.toString(limit.burst()), "1"};
        Response reply;
        String known = sha;
        if (known == null) {
            known = sha = redis.execute("SCRIPT", "LOAD", SCRIPT).toString();
        }
        try {
            reply = redis.execute("EVALSHA", prepend(known, args));
        } catch (RuntimeException e) {
            if (e.getMessage() == null || !e.getMessage().contains("NOSCRIPT")) {
                throw e;
            }
            reply = redis.execute("EVAL", prepend(SCRIPT, args));
            sha = null;
        }
        return new Decision(reply.get(0).toLong() == 1, reply.get(1).toLong(),
                Duration.ofNanos(reply.get(2).toLong() * 1000), Duration.ofNanos(reply.get(3).toLong() * 1000), limit);
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static String load() {
        try (InputStream in = Gcra.class.getResourceAsStream("/ratelimit/gcra.lua")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
