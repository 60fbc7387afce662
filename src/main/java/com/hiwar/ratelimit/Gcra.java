package com.hiwar.ratelimit;

import java.time.Duration;
import java.util.List;

/**
 * A GCRA store: takes one token from every bucket of a request at once, or from none.
 * {@link RedisGcra} is the shared, exact one; {@link LocalGcra} stands in while Redis is away.
 */
interface Gcra {

    Decision acquire(List<Bucket> buckets);

    default Decision acquire(String key, Limit limit) {
        return acquire(List.of(new Bucket(key, limit)));
    }

    /** A limit: {@code burst} requests at once, refilled evenly over {@code period}. */
    record Limit(String name, int burst, Duration period) {
        public Limit {
            if (burst < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("limit " + name + " needs burst >= 1 and a positive period");
            }
        }

        long intervalMicros() {
            return Math.max(1, period.toNanos() / 1000 / burst);
        }

        /** The same window with the burst scaled, never below one request. */
        Limit scaled(double factor) {
            return factor == 1.0 ? this : new Limit(name, Math.max(1, (int) Math.floor(burst * factor)), period);
        }
    }

    /** One key under one limit, e.g. the user's comment-create bucket. */
    record Bucket(String key, Limit limit) {}

    /**
     * The outcome for the binding bucket: the one that refused with the longest wait, or when
     * allowed the one with the fewest tokens left. {@code retryAfter} is zero when allowed;
     * {@code reset} is when that bucket is full again.
     */
    record Decision(boolean allowed, long remaining, Duration retryAfter, Duration reset, Limit limit,
                    List<Limit> policies) {}

    static Decision decision(List<Bucket> buckets, boolean allowed, int binding, long remaining,
                             long retryAfterMicros, long resetMicros) {
        return new Decision(allowed, remaining, Duration.ofNanos(retryAfterMicros * 1000),
                Duration.ofNanos(resetMicros * 1000), buckets.get(binding).limit(),
                buckets.stream().map(Bucket::limit).toList());
    }
}
