package com.hiwar.ops;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hiwar.localdev.LocalServices;
import com.hiwar.support.Background;
import com.hiwar.support.FreshDatabase;
import com.hiwar.support.JarInstance;
import com.hiwar.support.RedisNode;
import com.hiwar.support.SseClient;
import com.hiwar.support.Tokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar on a Redis Cluster of three masters and three replicas, real processes
 * (QUARKUS_REDIS_CLIENT_TYPE=cluster). A request's rate-limit buckets hash to different slots,
 * which one script may not touch together (CROSSSLOT): they are taken one by one, and what a
 * refused request took is given back. The limits stay exact, also under concurrency; live events
 * reach streams; and when a master is killed under load the replica takes over with no request
 * waiting 2 s and the stream carrying an event published after the failover.
 */
class RedisClusterIT {

    static final String DATABASE = "hiwar_cluster_it";

    @Test
    void limitsStayExactAndStreamsLiveAcrossSlotsAndAFailover() throws Exception {
        List<RedisNode> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                nodes.add(RedisNode.server("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
                        "--cluster-node-timeout", "2000"));
            }
            createCluster(nodes);
            FreshDatabase.recreate(DATABASE);
            Map<String, String> settings = FreshDatabase.settings(DATABASE, 0);
            settings.put("quarkus.redis.client-type", "cluster");
            settings.put("quarkus.redis.hosts", nodes.stream().map(n -> "redis://127.0.0.1:" + n.port).collect(Collectors.joining(",")));
            settings.put("hiwar.moderation.new-commenter-pending", "0");
            // Six redis-servers, the jar and 20 client threads share 2 cores here: 100 ms (production's)
            // is exceeded by scheduling alone, and a timed-out call is decided by the local fallback.
            settings.put("quarkus.redis.timeout", "500ms");
            settings.put("hiwar.ratelimit.actions.comment-create", "user:3/1h, article:2/1h, ip:100000/1m");
            settings.put("hiwar.ratelimit.actions.comment-like", "user:5/1h, ip:100000/1m");
            settings.put("hiwar.ratelimit.trusted-factor", "1000");
            String article = "art-" + UUID.randomUUID();
            try (JarInstance jar = JarInstance.start("cluster", settings);
                 SseClient stream = SseClient.open(jar.base(), article, null)) {
                stream.next("ready");

                // Three buckets on three slots. The article allows 2: the 3rd post there is refused by the article
                // bucket and gives the reader's token back, so the reader still has one for another article.
                String reader = Tokens.reader(Tokens.newSubject());
                assertEquals(201, post(jar, reader, article));
                assertEquals(201, post(jar, reader, article));
                assertEquals(429, post(jar, reader, article));
                String other = "art-" + UUID.randomUUID();
                assertEquals(201, post(jar, reader, other), "the refused request kept the reader's token");
                assertEquals(429, post(jar, reader, other), "the reader's own limit is 3");
                SseClient.SseEvent first = stream.next("comment");
                assertTrue(first.json().getLong("id") > 0);

                // 20 concurrent likes by one reader: exactly 5 pass.
                List<Long> targets = new ArrayList<>();
                String trusted = Tokens.rs256(Tokens.claims(Tokens.newSubject()).claim("trusted", true));
                for (int i = 0; i < 20; i++) {
                    targets.add(given().baseUri(jar.base()).header("Authorization", "Bearer " + trusted).contentType("application/json")
                            .body(Map.of("body", "هدف " + i)).post("/api/v1/articles/{a}/comments", "art-" + UUID.randomUUID())
                            .then().statusCode(201).extract().jsonPath().getLong("id"));
                }
                String liker = Tokens.reader(Tokens.newSubject());
                AtomicInteger liked = new AtomicInteger();
                CountDownLatch go = new CountDownLatch(1);
                List<Thread> likers = new ArrayList<>();
                for (long id : targets) {
                    likers.add(Background.daemon(() -> {
                        try {
                            go.await();
                        } catch (InterruptedException e) {
                            return;
                        }
                        int status = given().baseUri(jar.base()).header("Authorization", "Bearer " + liker)
                                .put("/api/v1/comments/{id}/like", id).statusCode();
                        liked.addAndGet(status == 200 ? 1 : 0);
                    }));
                }
                go.countDown();
                for (Thread t : likers) {
                    t.join(20_000);
                }
                assertEquals(5, liked.get(), "concurrent likes past the limit");

                // The article's events travel on its shard channel: only the master owning its slot carries them.
                assertShardedOn(nodes, masterOf(nodes, "live:{" + article + "}"), article);

                // A second liker, whose bucket lives on the master about to be killed, and an article of that master.
                String liker2Subject = Tokens.newSubject();
                String liker2 = Tokens.reader(liker2Subject);
                assertEquals(200, like(jar, liker2, targets.get(0), true));
                RedisNode master = nodes.stream().filter(n -> isMaster(n) && !n.command("KEYS", "*" + liker2Subject + "*").isBlank())
                        .findFirst().orElseThrow();
                String doomed = "art-" + UUID.randomUUID();
                while (masterOf(nodes, "live:{" + doomed + "}") != master) {
                    doomed = "art-" + UUID.randomUUID();
                }
                SseClient doomedStream = SseClient.open(jar.base(), doomed, null);
                doomedStream.next("ready");

                // Kill that master under load: posts everywhere, and the liker liking and unliking (each takes a token).
                ConcurrentLinkedQueue<long[]> timings = new ConcurrentLinkedQueue<>();
                AtomicBoolean running = new AtomicBoolean(true);
                List<Thread> load = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    load.add(Background.daemon(() -> {
                        while (running.get()) {
                            long start = System.nanoTime();
                            int status = post(jar, trusted, "art-" + UUID.randomUUID());
                            timings.add(new long[] {status, (System.nanoTime() - start) / 1_000_000});
                        }
                    }));
                }
                AtomicInteger allowed = new AtomicInteger(1);
                AtomicInteger tries = new AtomicInteger(1);
                load.add(Background.daemon(() -> {
                    boolean likedNow = true;
                    while (running.get()) {
                        int status = like(jar, liker2, targets.get(0), !likedNow);
                        tries.incrementAndGet();
                        if (status / 100 == 2) {
                            allowed.incrementAndGet();
                            likedNow = !likedNow;
                        }
                        Background.sleep(50);
                    }
                }));
                Thread.sleep(1000);
                master.kill();
                RedisNode survivor = nodes.stream().filter(n -> n != master).findFirst().orElseThrow();
                // Failed over: the dead master marked failed by the others (not just suspected), one of its
                // replicas serving its slots, and the cluster whole again.
                RedisNode.await(() -> {
                    List<String> lines = survivor.command("CLUSTER", "NODES").lines().toList();
                    boolean markedFailed = lines.stream().anyMatch(l -> l.contains(":" + master.port + "@") && l.contains("master,fail ")
                            || l.contains(":" + master.port + "@") && l.contains("master,fail,"));
                    long serving = lines.stream().filter(l -> l.contains("master") && !l.contains("fail")).count();
                    return markedFailed && serving == 3 && survivor.command("CLUSTER", "INFO").contains("cluster_state:ok");
                }, 30, "the cluster did not fail over: " + survivor.command("CLUSTER", "NODES"));
                Thread.sleep(3000);
                running.set(false);
                for (Thread t : load) {
                    t.join(10_000);
                }
                List<RedisNode> alive = nodes.stream().filter(n -> n != master).toList();
                long after = given().baseUri(jar.base()).header("Authorization", "Bearer " + trusted).contentType("application/json")
                        .body(Map.of("body", "بعد سقوط العقدة")).post("/api/v1/articles/{a}/comments", doomed)
                        .then().statusCode(201).extract().jsonPath().getLong("id");
                assertTrue(doomedStream.awaitComment(after, Duration.ofSeconds(20)), "the live stream missed the event published after the failover");
                assertShardedOn(alive, masterOf(alive, "live:{" + doomed + "}"), doomed);
                doomedStream.close();
                List<long[]> all = new ArrayList<>(timings);
                assertTrue(all.size() > 20, "too little load: " + all.size());
                assertEquals(List.of(), all.stream().filter(t -> t[0] != 201).map(t -> t[0]).toList(), "every comment is taken");
                long slowest = all.stream().mapToLong(t -> t[1]).max().orElseThrow();
                assertTrue(slowest < 2000, "a request waited " + slowest + " ms");
                // The documented bound: the limit (5), plus the local burst (half of it, 2) while Redis did not answer.
                assertTrue(tries.get() > 10, "the liker tried " + tries.get() + " times only");
                assertTrue(allowed.get() >= 5 && allowed.get() <= 5 + 2, allowed.get() + " likes of 5 allowed (+2 while Redis was away)");
                System.out.printf("cluster failover: %d posts, slowest %d ms; %d of %d likes allowed%n", all.size(), slowest,
                        allowed.get(), tries.get());
            }
        } finally {
            for (RedisNode n : nodes) {
                n.close();
            }
        }
    }

    private static void createCluster(List<RedisNode> nodes) throws Exception {
        String cli = LocalServices.redisServerCommand().equals("redis-server") ? "redis-cli"
                : Path.of(LocalServices.redisServerCommand()).resolveSibling("redis-cli").toString();
        List<String> command = new ArrayList<>(List.of(cli, "--cluster", "create"));
        nodes.forEach(n -> command.add("127.0.0.1:" + n.port));
        command.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        for (RedisNode n : nodes) {
            RedisNode.await(() -> n.command("CLUSTER", "INFO").contains("cluster_state:ok"), 30, "cluster not ok: " + n.log());
        }
    }

    /** The live master serving the slot of {@code key}. */
    private static RedisNode masterOf(List<RedisNode> nodes, String key) {
        long slot = Long.parseLong(nodes.get(0).command("CLUSTER", "KEYSLOT", key).substring(1));
        for (String line : nodes.get(0).command("CLUSTER", "NODES").split("\n")) {
            String[] f = line.split(" ");
            if (!f[2].contains("master")) {
                continue;
            }
            for (int i = 8; i < f.length; i++) {
                String[] range = f[i].split("-");
                long from = Long.parseLong(range[0]), to = range.length > 1 ? Long.parseLong(range[1]) : from;
                if (slot >= from && slot <= to) {
                    int port = Integer.parseInt(f[1].split("[:@]")[1]);
                    return nodes.stream().filter(n -> n.port == port).findFirst().orElseThrow();
                }
            }
        }
        throw new IllegalStateException("no master for slot " + slot);
    }

    /** The article's shard channel has this instance's subscription on its slot's master, and on no other node. */
    private static void assertShardedOn(List<RedisNode> nodes, RedisNode owner, String article) throws InterruptedException {
        String channel = "hiwar:live:{" + article + "}";
        RedisNode.await(() -> shardSubscribers(owner, channel) == 1, 10, "no subscription of " + channel + " on its master");
        for (RedisNode n : nodes) {
            if (n != owner) {
                assertEquals(0, shardSubscribers(n, channel), "the channel is subscribed on a node not owning its slot");
            }
        }
    }

    private static long shardSubscribers(RedisNode node, String channel) {
        String reply = node.command("PUBSUB", "SHARDNUMSUB", channel); // "channel :count"
        return Long.parseLong(reply.substring(reply.lastIndexOf(':') + 1));
    }

    private static boolean isMaster(RedisNode node) {
        return node.command("ROLE").startsWith("master");
    }

    private static int like(JarInstance jar, String token, long comment, boolean like) {
        var request = given().baseUri(jar.base()).header("Authorization", "Bearer " + token);
        return (like ? request.put("/api/v1/comments/{id}/like", comment) : request.delete("/api/v1/comments/{id}/like", comment)).statusCode();
    }

    private static int post(JarInstance jar, String token, String article) {
        return given().baseUri(jar.base()).header("Authorization", "Bearer " + token).contentType("application/json")
                .body(Map.of("body", "تعليق على العنقود")).post("/api/v1/articles/{a}/comments", article).statusCode();
    }

}
