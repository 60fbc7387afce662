package com.hiwar.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.redis.client.RedisClientName;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The Redis GCRA is exact under concurrency, also across two clients on their own connections. */
@QuarkusTest
class GcraTest {

    @Inject
    RedisDataSource redis;

    /** A second client with its own connection pool: what a second service instance would hold. */
    @Inject
    @RedisClientName("peer")
    RedisDataSource peer;

    private static final Gcra.Limit HOURLY_10 = new Gcra.Limit("test", 10, Duration.ofHours(1));

    private static long allowed(List<Gcra> limiters, String key, int requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<Gcra.Decision>> results = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                Gcra limiter = limiters.get(i % limiters.size());
                results.add(pool.submit((Callable<Gcra.Decision>) () -> limiter.acquire(key, HOURLY_10)));
            }
            long count = 0;
            for (Future<Gcra.Decision> r : results) {
                count += r.get().allowed() ? 1 : 0;
            }
            return count;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void twoHundredConcurrentRequestsGetExactlyTheBurst() throws Exception {
        assertEquals(10, allowed(List.of(new Gcra(redis)), "rl:test:" + UUID.randomUUID(), 200));
    }

    @Test
    void twoClientsSharingRedisStillGetExactlyTheBurst() throws Exception {
        assertEquals(10, allowed(List.of(new Gcra(redis), new Gcra(peer)), "rl:test:" + UUID.randomUUID(), 200));
    }

    @Test
    void remainingCountsDownAndRetryAfterIsOneEmissionInterval() {
        Gcra gcra = new Gcra(redis);
        String key = "rl:test:" + UUID.randomUUID();
        for (int i = 9; i >= 0; i--) {
            Gcra.Decision d = gcra.acquire(key, HOURLY_10);
            assertTrue(d.allowed());
            assertEquals(i, d.remaining());
        }
        Gcra.Decision denied = gcra.acquire(key, HOURLY_10);
        assertFalse(denied.allowed());
        assertEquals(0, denied.remaining());
        // One token comes back every 6 minutes (1 h / 10).
        assertTrue(denied.retryAfter().compareTo(Duration.ofMinutes(6)) <= 0);
        assertTrue(denied.retryAfter().compareTo(Duration.ofMinutes(5).plusSeconds(50)) > 0);
        assertTrue(denied.reset().compareTo(Duration.ofMinutes(59)) > 0);
    }

    @Test
    void tokensComeBackAsTimePasses() throws Exception {
        Gcra gcra = new Gcra(redis);
        String key = "rl:test:" + UUID.randomUUID();
        Gcra.Limit fast = new Gcra.Limit("fast", 2, Duration.ofMillis(400));
        assertTrue(gcra.acquire(key, fast).allowed());
        assertTrue(gcra.acquire(key, fast).allowed());
        Gcra.Decision denied = gcra.acquire(key, fast);
        assertFalse(denied.allowed());
        Thread.sleep(denied.retryAfter().toMillis() + 20);
        assertTrue(gcra.acquire(key, fast).allowed());
    }

    @Test
    void aLostScriptIsReloaded() {
        Gcra gcra = new Gcra(redis);
        String key = "rl:test:" + UUID.randomUUID();
        assertTrue(gcra.acquire(key, HOURLY_10).allowed());
        redis.execute("SCRIPT", "FLUSH");
        Gcra.Decision after = gcra.acquire(key, HOURLY_10);
        assertTrue(after.allowed());
        assertEquals(8, after.remaining());
    }
}
