package com.hiwar.idempotency;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hiwar.support.Api;
import com.hiwar.support.Db;
import com.hiwar.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** POST /comments with an Idempotency-Key is safe to retry: one comment, whatever the retries. */
@QuarkusTest
class IdempotencyTest {

    private static ExtractableResponse<Response> post(String token, String key, String article, Map<String, Object> body) {
        return Api.as(token).header("Idempotency-Key", key).body(body)
                .post("/api/v1/articles/{a}/comments", article).then().extract();
    }

    private static long comments(String article) {
        return ((Number) Db.scalar("select count(*) from comments where article_id = ?1", article)).longValue();
    }

    @Test
    void aRetryReplaysTheFirstAnswerAndCreatesNothing() {
        String token = Tokens.reader(Tokens.newSubject());
        String article = Api.newArticle();
        String key = UUID.randomUUID().toString();
        var first = post(token, key, article, Map.of("body", "مرة واحدة فقط"));
        assertEquals(201, first.statusCode());
        assertEquals(null, first.header(Idempotency.REPLAYED));
        var retry = post(token, key, article, Map.of("body", "مرة واحدة فقط"));
        assertEquals(201, retry.statusCode());
        assertEquals("true", retry.header(Idempotency.REPLAYED));
        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals(first.body().asString(), retry.body().asString());
        assertEquals(1, comments(article));
        // The same key as a structured-field string is the same key.
        assertEquals("true", post(token, "\"" + key + "\"", article, Map.of("body", "مرة واحدة فقط")).header(Idempotency.REPLAYED));
    }

    @Test
    void theSameKeyWithAnotherRequestIs422() {
        String token = Tokens.reader(Tokens.newSubject());
        String article = Api.newArticle();
        String key = UUID.randomUUID().toString();
        assertEquals(201, post(token, key, article, Map.of("body", "الأصل")).statusCode());
        Api.as(token).header("Idempotency-Key", key).body(Map.of("body", "نص آخر"))
                .post("/api/v1/articles/{a}/comments", article).then()
                .statusCode(422).contentType("application/problem+json")
                .body("type", containsString("idempotency-key-reused"));
        // Another article is another request too.
        assertEquals(422, post(token, key, Api.newArticle(), Map.of("body", "الأصل")).statusCode());
        assertEquals(1, comments(article));
    }

    @Test
    void fiftyParallelIdenticalPostsCreateOneComment() throws Exception {
        String token = Tokens.reader(Tokens.newSubject());
        String article = Api.newArticle();
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<ExtractableResponse<Response>>> answers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return post(token, key, article, Map.of("body", "بالتوازي"));
                }));
            }
            start.countDown();
            Set<String> locations = new HashSet<>();
            int created = 0, inFlight = 0;
            for (var f : answers) {
                var answer = f.get();
                if (answer.statusCode() == 201) {
                    created++;
                    locations.add(answer.header("Location"));
                } else {
                    assertEquals(409, answer.statusCode(), answer.body().asString());
                    assertTrue(answer.body().asString().contains("idempotency-key-in-use"));
                    assertEquals("1", answer.header("Retry-After"));
                    inFlight++;
                }
            }
            assertTrue(created >= 1);
            assertEquals(50, created + inFlight);
            assertEquals(1, locations.size(), "every 201 is the same comment");
        } finally {
            pool.shutdown();
        }
        assertEquals(1, comments(article));
        assertEquals(1L, ((Number) Db.scalar("select count(*) from idempotency_keys where key = ?1", key)).longValue());
        // Once the first finished, a retry gets the replay.
        assertEquals("true", post(token, key, article, Map.of("body", "بالتوازي")).header(Idempotency.REPLAYED));
    }

    @Test
    void keysBelongToOneUser() {
        String article = Api.newArticle();
        String key = UUID.randomUUID().toString();
        assertEquals(201, post(Tokens.reader(Tokens.newSubject()), key, article, Map.of("body", "أ")).statusCode());
        var other = post(Tokens.reader(Tokens.newSubject()), key, article, Map.of("body", "أ"));
        assertEquals(201, other.statusCode());
        assertEquals(null, other.header(Idempotency.REPLAYED));
        assertEquals(2, comments(article));
    }

    @Test
    void aFailedWriteStoresNothingAndAnExpiredKeyIsFree() {
        String subject = Tokens.newSubject();
        String token = Tokens.reader(subject);
        String article = Api.newArticle();
        String key = UUID.randomUUID().toString();
        assertEquals(422, post(token, key, article, Map.of("body", "   ")).statusCode());
        assertEquals(201, post(token, key, article, Map.of("body", "صحيح الآن")).statusCode(), "a refused request does not burn the key");
        Db.exec("update idempotency_keys set created_at = now() - interval '25 hours' where owner = ?1", subject);
        var after = post(token, key, article, Map.of("body", "بعد يوم"));
        assertEquals(201, after.statusCode());
        assertEquals(null, after.header(Idempotency.REPLAYED));
        assertEquals(2, comments(article));
    }

    @Test
    void theAnswerIsKeptOnlyInPlaceOfAnExpiredOneNeverOverALiveOne() {
        String owner = Tokens.newSubject();
        Instant now = Instant.now();
        Instant liveAfter = now.minus(Duration.ofHours(24));
        var first = new IdempotencyRecord.Stored("f1", 201, "/api/v1/comments/1", "{\"id\":1}");
        var twin = new IdempotencyRecord.Stored("f1", 201, "/api/v1/comments/2", "{\"id\":2}");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> IdempotencyRecord.keep(owner, "k", first, now, liveAfter)));
        // A twin that missed the first one's commit must not overwrite it: the caller rolls its write back.
        assertFalse(QuarkusTransaction.requiringNew().call(() -> IdempotencyRecord.keep(owner, "k", twin, now, liveAfter)));
        assertEquals("/api/v1/comments/1", Db.scalar("select location from idempotency_keys where owner = ?1", owner));
        Db.exec("update idempotency_keys set created_at = now() - interval '25 hours' where owner = ?1", owner);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> IdempotencyRecord.keep(owner, "k", twin, now, liveAfter)),
                "an expired record makes room");
        assertEquals("/api/v1/comments/2", Db.scalar("select location from idempotency_keys where owner = ?1", owner));
    }

    @Test
    void malformedKeysAre400() {
        String token = Tokens.reader(Tokens.newSubject());
        for (String bad : List.of("clé", "a b", "\"\"", "x".repeat(256))) {
            var answer = Api.as(token).header("Idempotency-Key", bad).body(Map.of("body", "نص"))
                    .post("/api/v1/articles/{a}/comments", Api.newArticle()).then();
            assertEquals(400, answer.extract().statusCode(), "key " + bad);
            answer.contentType("application/problem+json")
                    .body("type", containsString("invalid-idempotency-key"));
        }
    }

    @Test
    void withoutAKeyEveryPostIsNew() {
        String token = Tokens.reader(Tokens.newSubject());
        String article = Api.newArticle();
        Api.post(token, article, Map.of("body", "نفس النص")).statusCode(201).header(Idempotency.REPLAYED, nullValue());
        Api.post(token, article, Map.of("body", "نفس النص")).statusCode(201).body("body", equalTo("نفس النص"));
        assertEquals(2, comments(article));
    }
}
