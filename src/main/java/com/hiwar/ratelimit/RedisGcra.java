package com.hiwar.ratelimit;

import com.hiwar.redis.RedisScript;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.impl.types.ErrorType;
import java.util.List;

/**
 * The shared GCRA: a Lua script decides in Redis on Redis' own clock, so every instance sharing
 * the Redis agrees exactly.
 * <ul>
 *   <li>One server (or Sentinel): one script takes a token from every bucket of the request or
 *       from none, atomically, in one round trip.</li>
 *   <li>Redis Cluster: a request's buckets (reader, article, address) hash to different slots,
 *       and a script may touch one slot only (CROSSSLOT). So each bucket is taken by its own call
 *       to the same script, and when one refuses, the tokens already taken are given back
 *       (gcra-refund.lua). Each bucket stays exact: it never lets more through than its limit.
 *       What is lost is all-or-nothing at one instant: until its refunds land (one round trip
 *       later), a refused request holds a token in the buckets it passed, so a concurrent
 *       request may be refused that moment early; an instance dying between the two keeps
 *       that token taken until its interval passes. A refusal reports the first bucket that
 *       refused, not the one with the longest wait.</li>
 * </ul>
 */
class RedisGcra implements Gcra {

    private static final RedisScript GCRA = RedisScript.load("ratelimit/gcra.lua");
    private static final RedisScript REFUND = RedisScript.load("ratelimit/gcra-refund.lua");

    private final RedisDataSource redis;
    private final boolean bucketByBucket;

    /** {@code cluster}: the buckets may live on different nodes. */
    RedisGcra(RedisDataSource redis, boolean cluster) {
        this.redis = redis;
        this.bucketByBucket = cluster;
    }

    @Override
    public Decision acquire(List<Bucket> buckets) {
        if (bucketByBucket && buckets.size() > 1) {
            return oneByOne(buckets);
        }
        // numkeys key... cost (interval burst)...
        String[] args = new String[2 + 3 * buckets.size()];
        args[0] = Integer.toString(buckets.size());
        int i = 1;
        for (Bucket b : buckets) {
            args[i++] = b.key();
        }
        args[i++] = "1";
        for (Bucket b : buckets) {
            args[i++] = Long.toString(b.limit().intervalMicros());
            args[i++] = Integer.toString(b.limit().burst());
        }
        Response reply = call(GCRA, args);
        return Gcra.decision(buckets, reply.get(0).toLong() == 1, reply.get(1).toInteger() - 1,
                reply.get(2).toLong(), reply.get(3).toLong(), reply.get(4).toLong());
    }

    private Decision oneByOne(List<Bucket> buckets) {
        int binding = -1;
        long bindingRemaining = Long.MAX_VALUE, bindingReset = 0;
        for (int i = 0; i < buckets.size(); i++) {
            Bucket b = buckets.get(i);
            Response reply = call(GCRA, "1", b.key(), "1", Long.toString(b.limit().intervalMicros()),
                    Integer.toString(b.limit().burst()));
            if (reply.get(0).toLong() != 1) {
                for (int j = 0; j < i; j++) {
                    Bucket taken = buckets.get(j);
                    call(REFUND, "1", taken.key(), Long.toString(taken.limit().intervalMicros()));
                }
                return Gcra.decision(buckets, false, i, reply.get(2).toLong(), reply.get(3).toLong(), reply.get(4).toLong());
            }
            if (reply.get(2).toLong() < bindingRemaining) {
                binding = i;
                bindingRemaining = reply.get(2).toLong();
                bindingReset = reply.get(4).toLong();
            }
        }
        return Gcra.decision(buckets, true, binding, bindingRemaining, 0, bindingReset);
    }

    private Response call(RedisScript script, String... args) {
        try {
            return script.run(redis, args);
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
            List.of("LOADING", "BUSY", "MASTERDOWN", "READONLY", "CLUSTERDOWN", "TRYAGAIN", "MOVED", "ASK",
                    "CONNECTION_CLOSED"); // the last is the client's own: the connection dropped with the call in flight

    /** Redis did not answer in time or could not be reached. */
    public static class Unavailable extends RuntimeException {
        Unavailable(Throwable cause) {
            super(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(), cause);
        }
    }

}
