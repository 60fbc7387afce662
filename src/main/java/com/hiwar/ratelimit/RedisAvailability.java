package com.hiwar.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Whether the limiter's Redis answers. A few failures in a row mark it down (a lone timeout
 * on a busy instance is not an outage: that request alone uses the fallback); from then on one request per
 * retry interval probes it while the others skip it, so an outage costs at most one timeout
 * per interval instead of one per request. The readiness check probes it too, so it recovers
 * even when no writes arrive. Transitions are logged once and counted in the metrics.
 */
@ApplicationScoped
class RedisAvailability {

    private static final Logger LOG = Logger.getLogger(RedisAvailability.class);

    private final AtomicBoolean up = new AtomicBoolean(true);
    private final AtomicLong nextProbeNanos = new AtomicLong();
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final int failuresBeforeDown;
    private final long retryNanos;
    private final Counter failures;
    private final Counter outages;
    private volatile String lastError = "";

    @Inject
    public RedisAvailability(RateLimitConfig config, MeterRegistry metrics) {
        this.retryNanos = config.redisRetryInterval().toNanos();
        this.failuresBeforeDown = config.redisFailuresBeforeDown();
        this.failures = Counter.builder("hiwar.ratelimit.redis.failures")
                .description("Rate-limiter calls to Redis that failed or timed out").register(metrics);
        this.outages = Counter.builder("hiwar.ratelimit.redis.outages")
                .description("Times the rate limiter lost Redis").register(metrics);
        metrics.gauge("hiwar.ratelimit.redis.up", up, b -> b.get() ? 1 : 0);
    }

    public boolean isUp() {
        return up.get();
    }

    String lastError() {
        return lastError;
    }

    /** True if this call should try Redis: always while up, and once per retry interval while down. */
    boolean shouldTry() {
        if (up.get()) {
            return true;
        }
        long now = System.nanoTime();
        long next = nextProbeNanos.get();
        return now - next >= 0 && nextProbeNanos.compareAndSet(next, now + retryNanos);
    }

    void succeeded() {
        consecutiveFailures.set(0);
        if (up.compareAndSet(false, true)) {
            LOG.info("Redis is back: rate limits are shared across instances again");
        }
    }

    void failed(Throwable e) {
        failures.increment();
        lastError = String.valueOf(e.getMessage());
        LOG.debugf(e, "Rate-limiter call to Redis failed");
        nextProbeNanos.set(System.nanoTime() + retryNanos);
        if (consecutiveFailures.incrementAndGet() >= failuresBeforeDown && up.compareAndSet(true, false)) {
            outages.increment();
            LOG.warnf("Redis is unreachable for rate limiting (%s); falling back until it answers again", lastError);
        }
    }
}
