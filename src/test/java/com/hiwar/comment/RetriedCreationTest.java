package com.hiwar.comment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hiwar.idempotency.Idempotency;
import com.hiwar.support.Api;
import com.hiwar.support.Db;
import com.hiwar.support.SseClient;
import com.hiwar.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A retried POST that replays its stored answer announces the comment again. When the database
 * fails over just as a creation commits, the comment is stored but its instance saw an error and
 * ran nothing that waits for the commit; the client's retry is the only sign left of it.
 */
@QuarkusTest
class RetriedCreationTest {

    private final String reader = Tokens.reader(Tokens.newSubject());

    private ExtractableResponse<Response> post(String key, String article, String text) {
        return Api.as(reader).header(Idempotency.HEADER, key).body(Map.of("body", text))
                .post("/api/v1/articles/{a}/comments", article).then().statusCode(201).extract();
    }

    private static String firstPage(String article) {
        return given().get("/api/v1/articles/{a}/comments", article).then().statusCode(200).extract().asString();
    }

    @Test
    void aReplayedCreationRefreshesKeptPagesAndReachesLiveReaders() {
        String article = Api.newArticle();
        String key = UUID.randomUUID().toString();
        long id = post(key, article, "نُشر قبل أن يسقط الخادم").jsonPath().getLong("id");
        assertTrue(firstPage(article).contains("نُشر قبل أن يسقط الخادم"));
        // What the lost after-commit work leaves behind: a kept page and live readers behind the stored comment.
        Db.exec("update comments set body = ?1 where id = ?2", "النص كما هو في القاعدة", id);
        assertTrue(firstPage(article).contains("نُشر قبل أن يسقط الخادم"), "the page is kept, so the arrangement holds");

        try (SseClient stream = SseClient.open(article, null)) {
            stream.next("ready");
            assertEquals("true", post(key, article, "نُشر قبل أن يسقط الخادم").header(Idempotency.REPLAYED));
            SseClient.SseEvent again = stream.next("comment");
            assertEquals(id, again.json().getLong("id"));
            assertEquals("النص كما هو في القاعدة", again.json().getString("body"), "announced as it stands now");
        }
        String page = firstPage(article);
        assertTrue(page.contains("النص كما هو في القاعدة"), page);
        assertEquals(1L, ((Number) Db.scalar("select count(*) from comments where article_id = ?1", article)).longValue());
    }

    @Test
    void aReplayedHeldCreationStreamsNothing() {
        String article = Api.newArticle();
        Api.postId(reader, article, "أول تعليق"); // creates the article
        Db.exec("update articles set premoderated = true where id = ?1", article);
        String key = UUID.randomUUID().toString();
        assertEquals("pending", post(key, article, "تعليق ينتظر المراجعة").jsonPath().getString("status"));
        try (SseClient stream = SseClient.open(article, null)) {
            stream.next("ready");
            assertEquals("true", post(key, article, "تعليق ينتظر المراجعة").header(Idempotency.REPLAYED));
            assertTrue(stream.drain(Duration.ofMillis(700)).isEmpty(), "a held comment is never streamed");
        }
        assertFalse(firstPage(article).contains("تعليق ينتظر المراجعة"));
    }
}
