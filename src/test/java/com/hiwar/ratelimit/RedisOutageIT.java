package com.hiwar.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hiwar.support.Api;
import com.hiwar.support.OwnRedis;
import com.hiwar.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar with production settings (100 ms Redis timeout, default "local" policy)
 * while its own redis-server is stopped, paused and brought back: writes keep flowing under
 * tighter per-instance limits, nothing hangs, readiness says degraded, metrics count it, and
 * the shared limits return by themselves. Production limits: user 3/45s, local factor 0.5.
 */
@QuarkusIntegrationTest
@WithTestResource(OwnRedis.class)
class RedisOutageIT {

    static final String SHARED = "\"comment-create\";q=3;w=45";
    static final String LOCAL = "\"comment-create\";q=1;w=45";
    /**
     * Half the Redis client's 10 s default: a request that reached it waited on Redis. The margin
     * keeps a busy two-core machine from failing a write that was merely slow (one took 2.1 s
     * while another JVM ran initdb beside the suite).
     */
    static final long HANG_MS = 5_000;

    @AfterEach
    void redisBack() {
        OwnRedis.resumeServer();
        if (!redisAnswers()) {
            OwnRedis.startServer();
        }
    }

    private static boolean redisAnswers() {
        return com.hiwar.support.Management.given().get("/q/health/ready").then().extract().path("checks.find { it.name == 'rate-limiter' }.data.redis")
                .equals("up");
    }

    static ValidatableResponse timedPost(String token, String article, String text) {
        long start = System.nanoTime();
        ValidatableResponse response = Api.post(token, article, Map.of("body", text));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < HANG_MS, "a write took " + ms + " ms: it waited on Redis");
        return response;
    }

    static ValidatableResponse limiterHealth() {
        return com.hiwar.support.Management.given().get("/q/health/ready").then();
    }

    static void awaitRedisUp() throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!redisAnswers()) {
            assertTrue(System.nanoTime() < deadline, "the limiter never noticed Redis was back");
            Thread.sleep(200);
        }
    }

    static double metric(String name) {
        String text = com.hiwar.support.Management.given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + " ([0-9.eE+-]+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    @Test
    void aStoppedRedisFallsBackToTighterLocalLimitsAndRecovers() throws Exception {
        String article = Api.newArticle();
        timedPost(Tokens.reader(Tokens.newSubject()), article, "قبل العطل").statusCode(201)
                .header("RateLimit-Policy", startsWith(SHARED));

        OwnRedis.stopServer();
        String reader = Tokens.reader(Tokens.newSubject());
        timedPost(reader, article, "أثناء العطل").statusCode(201).header("RateLimit-Policy", startsWith(LOCAL));
        timedPost(reader, article, "مرة ثانية").statusCode(429).contentType("application/problem+json")
                .header("Retry-After", Integer::parseInt, org.hamcrest.Matchers.greaterThan(0));
        for (int i = 0; i < 5; i++) {
            timedPost(Tokens.reader(Tokens.newSubject()), article, "قارئ " + i).statusCode(201)
                    .header("RateLimit-Policy", startsWith(LOCAL));
        }
        limiterHealth().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'rate-limiter' }.data.redis", equalTo("down"))
                .body("checks.find { it.name == 'rate-limiter' }.data.mode", containsString("degraded"));
        assertTrue(metric("hiwar_ratelimit_redis_up") == 0.0);
        assertTrue(metric("hiwar_ratelimit_redis_failures_total") >= 3);
        assertTrue(metric("hiwar_ratelimit_redis_outages_total") >= 1);
        com.hiwar.support.Management.given().get("/q/metrics").then()
                .body(containsString("hiwar_ratelimit_decisions_total{action=\"comment-create\",outcome=\"limited\",store=\"local\"}"));

        OwnRedis.startServer();
        awaitRedisUp();
        timedPost(Tokens.reader(Tokens.newSubject()), article, "بعد العودة").statusCode(201)
                .header("RateLimit-Policy", startsWith(SHARED));
        assertTrue(metric("hiwar_ratelimit_redis_up") == 1.0);
    }

    @Test
    void aPausedRedisCostsNoMoreThanTheTimeout() throws Exception {
        String article = Api.newArticle();
        OwnRedis.pauseServer();
        for (int i = 0; i < 8; i++) {
            timedPost(Tokens.reader(Tokens.newSubject()), article, "متوقف " + i).statusCode(201)
                    .header("RateLimit-Policy", startsWith(LOCAL));
        }
        long start = System.nanoTime();
        limiterHealth().statusCode(200)
                .body("checks.find { it.name == 'rate-limiter' }.data.redis", equalTo("down"));
        assertTrue((System.nanoTime() - start) / 1_000_000 < HANG_MS, "readiness waited on Redis");

        OwnRedis.resumeServer();
        awaitRedisUp();
        timedPost(Tokens.reader(Tokens.newSubject()), article, "استئناف").statusCode(201)
                .header("RateLimit-Policy", startsWith(SHARED));
    }
}
