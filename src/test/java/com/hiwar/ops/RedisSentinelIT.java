package com.hiwar.ops;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hiwar.support.Background;
import com.hiwar.support.FreshDatabase;
import com.hiwar.support.JarInstance;
import com.hiwar.support.RedisNode;
import com.hiwar.support.SseClient;
import com.hiwar.support.Tokens;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar on Redis with Sentinel (QUARKUS_REDIS_CLIENT_TYPE=sentinel): a master, a
 * replica and three sentinels, real processes. The master is killed with SIGKILL under load;
 * the sentinels promote the replica, and meanwhile no request waits 2 s, every comment is
 * taken, the rate limit stays within its documented bound (the limit, plus each instance's local
 * burst while Redis is away), and the live stream carries an event published after the failover.
 */
class RedisSentinelIT {

    static final String DATABASE = "hiwar_sentinel_it";
    static final String MASTER = "hiwar";

    record Timed(int status, long millis) {}

    @Test
    void aMasterKilledUnderLoadFailsOverWithoutLosingRequestsOrLiveEvents() throws Exception {
        try (RedisNode master = RedisNode.server();
             RedisNode replica = RedisNode.server("--replicaof", "127.0.0.1", Integer.toString(master.port));
             RedisNode s1 = RedisNode.sentinel(MASTER, master.port);
             RedisNode s2 = RedisNode.sentinel(MASTER, master.port);
             RedisNode s3 = RedisNode.sentinel(MASTER, master.port)) {
            RedisNode.await(() -> replica.command("INFO", "replication").contains("master_link_status:up"), 20, "the replica never synced");
            for (RedisNode s : List.of(s1, s2, s3)) { // each sentinel knows the replica and its two peers, so it can fail over
                RedisNode.await(() -> s.command("SENTINEL", "replicas", MASTER).contains(Integer.toString(replica.port))
                        && s.command("SENTINEL", "sentinels", MASTER).split("runid", -1).length == 3, 30,
                        "the sentinels did not find each other: " + s.log());
            }

            FreshDatabase.recreate(DATABASE);
            Map<String, String> settings = FreshDatabase.settings(DATABASE, 0);
            RedisNode.useSentinels(settings, MASTER, s1, s2, s3);
            settings.put("hiwar.moderation.new-commenter-pending", "0");
            settings.put("hiwar.ratelimit.actions.comment-create", "user:100000/1m, ip:100000/1m");
            // The bounded action: 4 an hour per reader; with Redis away each instance allows half that burst on its own.
            settings.put("hiwar.ratelimit.actions.comment-like", "user:4/1h, ip:100000/1m");
            String article = "art-" + UUID.randomUUID();
            try (JarInstance jar = JarInstance.start("sentinel", settings);
                 SseClient stream = SseClient.open(jar.base(), article, null)) {
                stream.next("ready");
                long first = jar.post(Tokens.reader(Tokens.newSubject()), article, "قبل سقوط الخادم الرئيسي");
                assertEquals(first, stream.next("comment").json().getLong("id"));

                ConcurrentLinkedQueue<Timed> posts = new ConcurrentLinkedQueue<>();
                List<Long> ids = new CopyOnWriteArrayList<>();
                AtomicBoolean running = new AtomicBoolean(true);
                List<Thread> load = new ArrayList<>();
                AtomicInteger sent = new AtomicInteger();
                for (int i = 0; i < 4; i++) {
                    String token = Tokens.reader(Tokens.newSubject());
                    load.add(Background.daemon(() -> {
                        while (running.get()) {
                            long start = System.nanoTime();
                            // Distinct texts: a reader repeating one text is held (repeat-post), and a held comment cannot be liked.
                            Response r = given().baseUri(jar.base()).header("Authorization", "Bearer " + token).contentType("application/json")
                                    .body(Map.of("body", "تعليق تحت الحمل رقم " + sent.incrementAndGet()))
                                    .post("/api/v1/articles/{a}/comments", article);
                            posts.add(new Timed(r.statusCode(), (System.nanoTime() - start) / 1_000_000));
                            if (r.statusCode() == 201 && "published".equals(r.jsonPath().getString("status"))) { // only a published comment can be liked
                                ids.add(r.jsonPath().getLong("id"));
                            }
                        }
                    }));
                }
                String liker = Tokens.reader(Tokens.newSubject());
                AtomicInteger liked = new AtomicInteger();
                AtomicInteger likeTries = new AtomicInteger();
                List<String> likeAnswers = new CopyOnWriteArrayList<>();
                Thread likes = Background.daemon(() -> {
                    int next = 0;
                    while (running.get()) {
                        if (next < ids.size()) {
                            Response r = given().baseUri(jar.base()).header("Authorization", "Bearer " + liker)
                                    .put("/api/v1/comments/{id}/like", ids.get(next++));
                            likeTries.incrementAndGet();
                            liked.addAndGet(r.statusCode() == 200 ? 1 : 0);
                            likeAnswers.add(r.statusCode() + (r.statusCode() == 200 ? "" : " " + r.body().asString()));
                        }
                        Background.sleep(50);
                    }
                });

                Thread.sleep(1000);
                master.kill();
                RedisNode.await(() -> s1.command("SENTINEL", "get-master-addr-by-name", MASTER).endsWith(" " + replica.port), 30,
                        "the sentinels did not promote the replica: " + s1.log());
                Thread.sleep(3000); // load goes on against the new master
                running.set(false);
                for (Thread t : load) {
                    t.join(10_000);
                }
                likes.join(10_000);

                long after = jar.post(Tokens.reader(Tokens.newSubject()), article, "بعد انتقال الخادم الرئيسي");
                assertTrue(stream.awaitComment(after, Duration.ofSeconds(15)), "the live stream missed the event published after the failover");

                List<Timed> all = new ArrayList<>(posts);
                assertTrue(all.size() > 20, "too little load: " + all.size());
                assertEquals(List.of(), all.stream().filter(t -> t.status() != 201).toList(), "every comment is taken");
                long slowest = all.stream().mapToLong(Timed::millis).max().orElseThrow();
                assertTrue(slowest < 2000, "a request waited " + slowest + " ms");
                assertTrue(likeTries.get() > 6, "the liker tried " + likeTries.get() + " times only");
                assertTrue(liked.get() >= 4 && liked.get() <= 4 + 2, liked.get() + " likes of 4 allowed (+2 while Redis was away): " + likeAnswers);
                System.out.printf("sentinel failover: %d posts, slowest %d ms; %d of %d likes allowed%n", all.size(), slowest,
                        liked.get(), likeTries.get());
            }
        }
    }

}
