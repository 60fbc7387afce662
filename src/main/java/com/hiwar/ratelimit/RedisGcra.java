package com.hiwar.ratelimit;

import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.impl.types.ErrorType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The shared GCRA: a Lua script decides atomically in Redis on Redis' own clock, so every
 * instance sharing the Redis agrees exactly. One round trip per request, whatever the number
 * of buckets: EVALSHA, with EVAL only when Redis has lost the script (a restart, SCRIPT FLUSH).
 */
class RedisGcra implements Gcra {

    static final String SCRIPT = load();

    private final RedisDataSource redis;
    private volatile String sha;

    public RedisGcra(RedisDataSource redis) {
        this.redis = redis;
    }

    @Override
    public Decision acquire(List<Bucket> buckets) {
        // EVALSHA sha numkeys key... cost (interval burst)...
        String[] args = new String[3 + 3 * buckets.size()];
        args[1] = Integer.toString(buckets.size());
        int i = 2;
        for (Bucket b : buckets) {
            args[i++] = b.key();
        }
        args[i++] = "1";
        for (Bucket b : buckets) {
            args[i++] = Long.toString(b.limit().intervalMicros());
            args[i++] = Integer.toString(b.limit().burst());
        }
        Response reply = call(args);
        return Gcra.decision(buckets, reply.get(0).toLong() == 1, reply.get(1).toInteger() - 1,
                reply.get(2).toLong(), reply.get(3).toLong(), reply.get(4).toLong());
    }

    private Response call(String[] args) {
        try {
            String known = sha;
            if (known == null) {
                known = sha = redis.execute("SCRIPT", "LOAD", SCRIPT).toString();
            }
            args[0] = known;
            try {
                return redis.execute("EVALSHA", args);
            } catch (RuntimeException e) {
                ErrorType reply = errorReply(e);
                if (reply == null || !reply.is("NOSCRIPT")) {
                    throw e;
                }
                sha = null;
                args[0] = SCRIPT;
                return redis.execute("EVAL", args);
            }
        } catch (RuntimeException e) {
            ErrorType reply = errorReply(e);
            if (reply != null && UNAVAILABLE_REPLIES.stream().noneMatch(reply::is)) {
                throw e; // an error reply from a healthy Redis is a bug here, not an outage
            }
            throw new Unavailable(e); // timeouts, refused or reset connections
        }
    }

    private static ErrorType errorReply(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ErrorType reply) {
                return reply;
            }
        }
        return null;
    }

    /** Error replies that mean "Redis cannot serve right now" rather than "your command is wrong". */
    private static final List<String> UNAVAILABLE_REPLIES =
            List.of("LOADING", "BUSY", "MASTERDOWN", "READONLY", "CLUSTERDOWN", "TRYAGAIN");

    /** Redis did not answer in time or could not be reached. */
    public static class Unavailable extends RuntimeException {
        Unavailable(Throwable cause) {
            super(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(), cause);
        }
    }

    private static String load() {
        try (InputStream in = RedisGcra.class.getResourceAsStream("/ratelimit/gcra.lua")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
