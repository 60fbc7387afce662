package com.hiwar.ratelimit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hiwar.support.Api;
import com.hiwar.support.Db;
import com.hiwar.support.Tokens;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Writes pass the Redis limiter: quota headers on success, a 429 problem with Retry-After past
 * it, exactly the burst under concurrency, looser limits for the trusted, one round trip each.
 * (Test limits: user 40/1h, article 1000/1m, ip 100000/1m; trusted factor 5.)
 */
@QuarkusTest
class RateLimitApiTest {

    private static final String POLICY = "\"comment-create\";q=40;w=3600, \"comment-create/article\";q=1000;w=60, "
            + "\"comment-create/ip\";q=100000;w=60";

    @Inject
    RedisDataSource redis;

    @Test
    void successCarriesTheQuotaAndTheLimitAnswers429WithRetryAfter() {
        String token = Tokens.reader(Tokens.newSubject());
        String article = Api.newArticle();
        Api.post(token, article, Map.of("body", "أول"))
                .statusCode(201)
                .header("RateLimit-Policy", equalTo(POLICY))
                .header("RateLimit", matchesPattern("\"comment-create\";r=39;t=\\d+"));
        int created = 1;
        while (Api.post(token, article, Map.of("body", "تعليق " + created)).extract().statusCode() == 201) {
            created++;
        }
        assertEquals(40, created, "exactly the burst gets through");
        Api.post(token, article, Map.of("body", "واحد آخر"))
                .statusCode(429)
                .contentType("application/problem+json")
                .body("type", containsString("rate-limited"))
                .header("Retry-After", matchesPattern("\\d+"))
                .header("RateLimit-Policy", equalTo(POLICY))
                .header("RateLimit", matchesPattern("\"comment-create\";r=0;t=\\d+"));
        // Another reader is not affected.
        Api.post(Tokens.reader(Tokens.newSubject()), article, Map.of("body", "قارئ آخر")).statusCode(201);
    }

    @Test
    void twoHundredConcurrentPostsFromOneUserGetExactlyTheBurst() throws Exception {
        String token = Tokens.reader(Tokens.newSubject());
        String article = Api.newArticle();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String text = "طلب " + i;
                statuses.add(pool.submit(() -> Api.post(token, article, Map.of("body", text)).extract().statusCode()));
            }
            int created = 0, limited = 0;
            for (Future<Integer> s : statuses) {
                int status = s.get();
                created += status == 201 ? 1 : 0;
                limited += status == 429 ? 1 : 0;
            }
            assertEquals(40, created);
            assertEquals(160, limited);
            assertEquals(40L, ((Number) Db.scalar("select count(*) from comments where article_id = ?1", article)).longValue());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void moderatorsAndTrustedReadersGetFiveTimesTheBurst() {
        String article = Api.newArticle();
        String q200 = "\"comment-create\";q=200;w=3600";
        Api.post(Tokens.moderator(Tokens.newSubject()), article, Map.of("body", "مشرف"))
                .statusCode(201).header("RateLimit-Policy", startsWith(q200));
        String claimed = Tokens.rs256(Tokens.claims(Tokens.newSubject()).claim("trusted", true));
        Api.post(claimed, article, Map.of("body", "موثوق"))
                .statusCode(201).header("RateLimit-Policy", startsWith(q200));
        // A moderator's grant (the users.trusted flag) counts from the next request on.
        String subject = Tokens.newSubject();
        String granted = Tokens.reader(subject);
        Api.post(granted, article, Map.of("body", "قبل")).statusCode(201).header("RateLimit-Policy", startsWith(POLICY));
        Db.exec("update users set trusted = true where subject = ?1", subject);
        Api.post(granted, article, Map.of("body", "بعد")).statusCode(201).header("RateLimit-Policy", startsWith(q200));
        // A claim that is not exactly true grants nothing.
        String notReally = Tokens.rs256(Tokens.claims(Tokens.newSubject()).claim("trusted", "yes"));
        Api.post(notReally, article, Map.of("body", "لا")).statusCode(201).header("RateLimit-Policy", equalTo(POLICY));
    }

    @Test
    void eachLimitedRequestIsOneRedisRoundTrip() {
        String token = Tokens.reader(Tokens.newSubject());
        String article = Api.newArticle();
        Api.post(token, article, Map.of("body", "تحمية")).statusCode(201); // script loaded, user known
        // Redis counts commands server-wide: wait until what earlier tests set going (coalesced
        // like events fire a second later) has gone out, so only this test's commands are counted.
        Map<String, Long> settled = commandCalls();
        long quietSince = System.currentTimeMillis(), giveUp = quietSince + 10_000;
        while (System.currentTimeMillis() - quietSince < 1500 && System.currentTimeMillis() < giveUp) {
            com.hiwar.support.Background.sleep(250);
            Map<String, Long> now = commandCalls();
            if (!now.getOrDefault("xadd", 0L).equals(settled.getOrDefault("xadd", 0L))
                    || !now.getOrDefault("evalsha", 0L).equals(settled.getOrDefault("evalsha", 0L))) {
                quietSince = System.currentTimeMillis();
            }
            settled = now;
        }
        Map<String, Long> before = settled;
        long started = System.currentTimeMillis();
        for (int i = 0; i < 5; i++) {
            Api.post(token, article, Map.of("body", "رسالة " + i)).statusCode(201);
        }
        // Live events and the surge autopilot's recordings go out after the commit, asynchronously: wait for the fifth of each.
        long deadline = System.currentTimeMillis() + 2000;
        Map<String, Long> latest = commandCalls();
        while ((latest.getOrDefault("xadd", 0L) - before.getOrDefault("xadd", 0L) < 5
                || latest.getOrDefault("zadd", 0L) - before.getOrDefault("zadd", 0L) < 10) && System.currentTimeMillis() < deadline) {
            latest = commandCalls();
        }
        Map<String, Long> after = latest;
        java.util.function.ToLongFunction<String> delta = c -> after.getOrDefault(c, 0L) - before.getOrDefault(c, 0L);
        // Besides the limiter, after the commit and off the request: each new comment's live event
        // (one EVALSHA: XADD, PEXPIRE, SPUBLISH to the article's channel, PUBLISH its id), and the
        // surge autopilot's recording, gathered per article and sent every 250 ms (one EVALSHA per
        // flush: a ZADD per comment and per new commenter, ZREMRANGEBYSCORE and ZCARD for each of
        // its four windows, HGET, PEXPIRE).
        assertEquals(5, delta.applyAsLong("xadd"), "one live event per published comment");
        long flushes = delta.applyAsLong("zcard") / 4;
        assertTrue(flushes >= 1 && flushes <= 5, "the surge recordings of 5 comments: 1 to 5 flushes, not " + flushes);
        long zadd = delta.applyAsLong("zadd");
        assertTrue(zadd == 10 || zadd == 11, "each comment and its (new) author recorded once, and at most one mark"
                + " of the article as active (every 5 s), not " + zadd);
        assertEquals(5, delta.applyAsLong("evalsha") - delta.applyAsLong("xadd") - flushes, "the limiter: one EVALSHA per request");
        assertEquals(0, delta.applyAsLong("eval"), "scripts run by their hash; their text is not sent again");
        // The surge autopilot's tick runs every 5 s whatever requests come (HGETALL of the steps,
        // two trims of the recent articles): at most one per 5 s begun in this window.
        long ticks = (System.currentTimeMillis() - started) / 5000 + 1;
        for (String tick : List.of("hgetall", "zremrangebyrank")) {
            assertTrue(delta.applyAsLong(tick) <= ticks, tick + ": " + delta.applyAsLong(tick) + " in " + ticks + " possible ticks");
        }
        // Redis also counts the commands the scripts run inside those calls (TIME, GET, SET, ...); nothing else was sent.
        for (Map.Entry<String, Long> e : after.entrySet()) {
            if (!Set.of("evalsha", "time", "get", "set", "info", "xadd", "pexpire", "spublish", "publish",
                    "zadd", "zremrangebyscore", "zcard", "hget", "hset", "hgetall", "zremrangebyrank").contains(e.getKey())) {
                assertEquals(before.getOrDefault(e.getKey(), 0L), e.getValue(), "unexpected Redis command " + e.getKey());
            }
        }
    }

    private Map<String, Long> commandCalls() {
        Map<String, Long> calls = new java.util.HashMap<>();
        Matcher m = Pattern.compile("cmdstat_([a-z|]+):calls=(\\d+)")
                .matcher(redis.execute("INFO", "commandstats").toString());
        while (m.find()) {
            calls.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return calls;
    }

}
