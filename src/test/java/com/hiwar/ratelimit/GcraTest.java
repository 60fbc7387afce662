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

/** The Redis GCRA is exact under concurrency, also across two clients on their own connections, and all-or-nothing across buckets. */
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
        return allowed(limiters, List.of(new Gcra.Bucket(key, HOURLY_10)), requests);
    }

    /** How many of {@code requests} concurrent requests for these buckets, spread over the limiters, were let through. */
    private static long allowed(List<Gcra> limiters, List<Gcra.Bucket> buckets, int requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<Gcra.Decision>> results = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                Gcra limiter = limiters.get(i % limiters.size());
                results.add(pool.submit((Callable<Gcra.Decision>) () -> limiter.acquire(buckets)));
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
        assertEquals(10, allowed(List.of(new RedisGcra(redis, false)), "rl:test:" + UUID.randomUUID(), 200));
    }

    @Test
    void twoClientsSharingRedisStillGetExactlyTheBurst() throws Exception {
        assertEquals(10, allowed(List.of(new RedisGcra(redis, false), new RedisGcra(peer, false)), "rl:test:" + UUID.randomUUID(), 200));
    }

    @Test
    void remainingCountsDownAndRetryAfterIsOneEmissionInterval() {
        Gcra gcra = new RedisGcra(redis, false);
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
        Gcra gcra = new RedisGcra(redis, false);
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
        Gcra gcra = new RedisGcra(redis, false);
        String key = "rl:test:" + UUID.randomUUID();
        assertTrue(gcra.acquire(key, HOURLY_10).allowed());
        redis.execute("SCRIPT", "FLUSH");
        Gcra.Decision after = gcra.acquire(key, HOURLY_10);
        assertTrue(after.allowed());
        assertEquals(8, after.remaining());
    }

    @Test
    void aRequestTakesFromEveryBucketOrFromNone() {
        takesFromEveryBucketOrLeavesThemAsTheyWere(new RedisGcra(redis, false));
    }

    /** On a cluster each bucket is taken by its own call, and a refused request gives back what it took. */
    @Test
    void onAClusterARefusedRequestGivesItsTokensBack() {
        takesFromEveryBucketOrLeavesThemAsTheyWere(new RedisGcra(redis, true));
    }

    private static void takesFromEveryBucketOrLeavesThemAsTheyWere(Gcra gcra) {
        String id = UUID.randomUUID().toString();
        Gcra.Bucket user = new Gcra.Bucket("rl:test:user:" + id, new Gcra.Limit("user", 5, Duration.ofHours(1)));
        Gcra.Bucket ip = new Gcra.Bucket("rl:test:ip:" + id, new Gcra.Limit("user/ip", 2, Duration.ofHours(1)));
        Gcra.Decision first = gcra.acquire(List.of(user, ip));
        assertTrue(first.allowed());
        assertEquals("user/ip", first.limit().name(), "the bucket with the fewest tokens left binds");
        assertEquals(1, first.remaining());
        assertEquals(2, first.policies().size());
        assertTrue(gcra.acquire(List.of(user, ip)).allowed());
        Gcra.Decision refused = gcra.acquire(List.of(user, ip));
        assertFalse(refused.allowed());
        assertEquals("user/ip", refused.limit().name());
        // The refused request left the user bucket as it was: 5 - 2 = 3 are left there.
        assertEquals(2, gcra.acquire(user.key(), user.limit()).remaining());
    }

    @Test
    void onAClusterConcurrentRequestsStillGetExactlyTheTighterBurst() throws Exception {
        String id = UUID.randomUUID().toString();
        Gcra.Bucket loose = new Gcra.Bucket("rl:test:loose:" + id, new Gcra.Limit("loose", 1000, Duration.ofHours(1)));
        Gcra.Bucket tight = new Gcra.Bucket("rl:test:tight:" + id, HOURLY_10);
        assertEquals(10, allowed(List.of(new RedisGcra(redis, true), new RedisGcra(peer, true)), List.of(loose, tight), 200));
        // The 190 refused requests gave back what they took from the loose bucket: 1000 - 10 taken.
        assertEquals(989, new RedisGcra(redis, true).acquire(loose.key(), loose.limit()).remaining());
    }

    @Test
    void theLocalFallbackDecidesLikeRedis() {
        Gcra local = new LocalGcra();
        Gcra shared = new RedisGcra(redis, false);
        String id = UUID.randomUUID().toString();
        Gcra.Bucket user = new Gcra.Bucket("rl:test:user:" + id, new Gcra.Limit("user", 3, Duration.ofHours(1)));
        Gcra.Bucket ip = new Gcra.Bucket("rl:test:ip:" + id, new Gcra.Limit("user/ip", 4, Duration.ofHours(1)));
        for (int i = 0; i < 5; i++) {
            Gcra.Decision a = local.acquire(List.of(user, ip));
            Gcra.Decision b = shared.acquire(List.of(user, ip));
            assertEquals(b.allowed(), a.allowed(), "request " + i);
            assertEquals(b.remaining(), a.remaining(), "request " + i);
            assertEquals(b.limit(), a.limit(), "request " + i);
        }
    }

    @Test
    void theLocalFallbackIsExactUnderConcurrency() throws Exception {
        Gcra local = new LocalGcra();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<Gcra.Decision>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> local.acquire("k", HOURLY_10)));
            }
            long allowed = 0;
            for (Future<Gcra.Decision> r : results) {
                allowed += r.get().allowed() ? 1 : 0;
            }
            assertEquals(10, allowed);
        } finally {
            pool.shutdown();
        }
    }
}
