package com.hiwar.ops;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hiwar.support.Background;
import com.hiwar.support.FreshDatabase;
import com.hiwar.support.JarInstance;
import com.hiwar.support.PgNode;
import com.hiwar.support.RedisNode;
import com.hiwar.support.Tokens;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL primary with a synchronous streaming standby (the machine's binaries, their own
 * ports) behind a multi-host JDBC URL with targetServerType=primary, and two packaged instances.
 * Under load the primary crashes and the standby is promoted: meanwhile requests get 201 or a
 * 503 problem and none hangs, readiness says the database is away, both instances serve again
 * within 10 s by themselves, and every comment answered with 201 is on the promoted server.
 */
class PostgresFailoverIT {

    static final String DATABASE = "hiwar_failover";

    /** A request that gets no answer in 10 s counts as hung, instead of hanging the test. */
    static final io.restassured.config.RestAssuredConfig TIMEOUT = io.restassured.RestAssured.config().httpClient(
            io.restassured.config.HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 10_000)
                    .setParam("http.connection.timeout", 2_000));

    record Outcome(int status, long millis, Long id, String contentType) {}

    @Test
    void aPrimaryCrashUnderLoadLosesNoAcknowledgedComment() throws Exception {
        try (PgNode primary = PgNode.primary(); PgNode standby = PgNode.standbyOf(primary)) {
            RedisNode.await(() -> syncStandbys(primary) == 1, 30, "the standby never became synchronous: " + primary.log());
            try (var c = primary.connect("postgres"); var s = c.createStatement()) {
                s.execute("create database " + DATABASE);
            }
            Map<String, String> settings = FreshDatabase.settings(DATABASE, 8);
            settings.put("quarkus.datasource.jdbc.url", PgNode.failoverUrl(DATABASE, primary, standby));
            settings.put("hiwar.moderation.new-commenter-pending", "0");
            settings.put("hiwar.ratelimit.actions.comment-create", "user:100000/1m, ip:100000/1m");
            String article = "art-" + UUID.randomUUID();
            try (JarInstance a = JarInstance.start("failover-a", settings); JarInstance b = JarInstance.start("failover-b", settings)) {
                ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
                AtomicBoolean running = new AtomicBoolean(true);
                List<Thread> load = new ArrayList<>();
                for (JarInstance jar : List.of(a, a, b, b)) {
                    String token = Tokens.reader(Tokens.newSubject());
                    load.add(Background.daemon(() -> {
                        while (running.get()) {
                            long start = System.nanoTime();
                            Response r;
                            try {
                                r = given().config(TIMEOUT).baseUri(jar.base()).header("Authorization", "Bearer " + token)
                                    .header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                                    .body(Map.of("body", "تعليق أثناء الانتقال")).post("/api/v1/articles/{a}/comments", article);
                            } catch (RuntimeException timedOut) {
                                outcomes.add(new Outcome(-1, (System.nanoTime() - start) / 1_000_000, null, timedOut.toString()));
                                continue;
                            }
                            outcomes.add(new Outcome(r.statusCode(), (System.nanoTime() - start) / 1_000_000,
                                    r.statusCode() == 201 ? r.jsonPath().getLong("id") : null, r.contentType()));
                            if (r.statusCode() != 201) {
                                Background.sleep(100); // a client backing off
                            }
                        }
                    }));
                }
                Thread.sleep(1500);
                primary.crash();
                boolean sawNotReady = false;
                long down = System.nanoTime();
                while (System.nanoTime() - down < 3_000_000_000L) {
                    sawNotReady |= ready(a) != 200;
                    Thread.sleep(100);
                }
                standby.promote();
                // The new primary has no standby yet: it stands alone until one joins, as CloudNativePG
                // does with dataDurability: preferred (with required, writes wait for a new standby).
                try (var c = standby.connect("postgres"); var s = c.createStatement()) {
                    s.execute("alter system set synchronous_standby_names = ''");
                    s.execute("select pg_reload_conf()");
                }
                long promoted = System.nanoTime();
                for (JarInstance jar : List.of(a, b)) {
                    RedisNode.await(() -> ready(jar) == 200 && post(jar, article) == 201, 10,
                            "an instance did not serve again within 10 s of the promotion");
                }
                long recovered = (System.nanoTime() - promoted) / 1_000_000;
                Thread.sleep(1000);
                running.set(false);
                for (Thread t : load) {
                    t.join(10_000);
                }

                List<Outcome> all = new ArrayList<>(outcomes);
                assertTrue(sawNotReady, "readiness never reported the database away");
                assertEquals(List.of(), all.stream().filter(o -> o.status() != 201 && o.status() != 503).toList(),
                        "only 201s and 503s while the database fails over");
                assertEquals(List.of(), all.stream().filter(o -> o.status() == 503 && !o.contentType().startsWith("application/problem+json"))
                        .toList(), "every 503 is a problem document");
                long slowest = all.stream().mapToLong(Outcome::millis).max().orElseThrow();
                // While no server takes connections, a request waits at most the pool's acquisition timeout (5 s), then gets its 503.
                assertTrue(slowest < 8000, "a request waited " + slowest + " ms, past the pool's acquisition timeout of 5 s");
                List<Long> acknowledged = all.stream().filter(o -> o.status() == 201).map(Outcome::id).toList();
                try (var c = standby.connect(DATABASE); var s = c.prepareStatement("select count(*) from comments where id = any(?)")) {
                    s.setArray(1, c.createArrayOf("bigint", acknowledged.toArray()));
                    try (var r = s.executeQuery()) {
                        r.next();
                        assertEquals(acknowledged.size(), r.getLong(1), "acknowledged comments missing on the promoted server");
                    }
                }
                System.out.printf("postgres failover: %d requests, %d acknowledged, %d answered 503, slowest %d ms, serving %d ms after promotion%n",
                        all.size(), acknowledged.size(), all.stream().filter(o -> o.status() == 503).count(), slowest, recovered);
            }
        }
    }

    private static long syncStandbys(PgNode primary) {
        try (var c = primary.connect("postgres"); var s = c.createStatement();
             var r = s.executeQuery("select count(*) from pg_stat_replication where sync_state = 'sync'")) {
            r.next();
            return r.getLong(1);
        } catch (Exception e) {
            return -1;
        }
    }

    private static int post(JarInstance jar, String article) {
        try {
            return given().config(TIMEOUT).baseUri(jar.base()).header("Authorization", "Bearer " + Tokens.reader(Tokens.newSubject()))
                .contentType("application/json").body(Map.of("body", "بعد الانتقال")).post("/api/v1/articles/{a}/comments", article)
                .statusCode();
        } catch (RuntimeException timedOut) {
            return -1;
        }
    }

    private static int ready(JarInstance jar) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(jar.management() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

}
