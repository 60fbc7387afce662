package com.hiwar.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Kept copies are served only while they can be trusted: never once the version check has not
 * reached Redis for twice its period, never a read that raced a change, and a copy changed
 * elsewhere goes as the announcement arrives.
 */
@QuarkusTest
class KeptCopiesTest {

    @Inject
    RedisDataSource redis;

    private record Row(String id, int version) {}

    private KeptCopies<String, Row> copies(Duration every) {
        KeptCopies<String, Row> copies = new KeptCopies<>(redis, "test-copies-" + UUID.randomUUID(), Row::id, every, 100, Duration.ofMinutes(1));
        copies.start();
        return copies;
    }

    @Test
    void aCopyIsServedOnlyWhileTheVersionCheckKeepsReachingRedis() throws InterruptedException {
        KeptCopies<String, Row> copies = copies(Duration.ofMillis(100));
        AtomicInteger reads = new AtomicInteger();
        copies.get("a", () -> new Row("a", reads.incrementAndGet()));
        assertEquals(1, copies.get("a", () -> new Row("a", reads.incrementAndGet())).version(), "kept");

        Thread.sleep(250); // no check for more than twice the period, as when Redis does not answer
        assertEquals(2, copies.get("a", () -> new Row("a", reads.incrementAndGet())).version(), "read again, not served");
        copies.check();
        assertEquals(3, copies.get("a", () -> new Row("a", reads.incrementAndGet())).version(), "not kept from before");
        assertEquals(3, copies.get("a", () -> new Row("a", reads.incrementAndGet())).version(), "kept again");
    }

    @Test
    void aReadThatRacedAChangeIsNotKept() {
        KeptCopies<String, Row> copies = copies(Duration.ofMinutes(1));
        copies.get("a", () -> {
            copies.changed("a"); // committed while the read was under way: the read may predate it
            return new Row("a", 1);
        });
        assertEquals(2, copies.get("a", () -> new Row("a", 2)).version());
    }

    @Test
    void aChangeOnAnotherInstanceDropsTheCopyHereAsItIsHeard() throws InterruptedException {
        String name = "test-copies-" + UUID.randomUUID();
        KeptCopies<String, Row> here = new KeptCopies<>(redis, name, Row::id, Duration.ofMinutes(1), 100, Duration.ofMinutes(1));
        KeptCopies<String, Row> there = new KeptCopies<>(redis, name, Row::id, Duration.ofMinutes(1), 100, Duration.ofMinutes(1));
        here.start();
        there.start();
        here.get("a", () -> new Row("a", 1));
        here.get("b", () -> new Row("b", 1));

        there.changed("a");
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (here.get("a", () -> new Row("a", 2)).version() != 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(2, here.get("a", () -> new Row("a", 3)).version(), "dropped as heard");
        assertEquals(1, here.get("b", () -> new Row("b", 3)).version(), "only the row that changed");
    }
}
