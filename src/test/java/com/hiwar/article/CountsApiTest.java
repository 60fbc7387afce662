package com.hiwar.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hiwar.support.Api;
import com.hiwar.support.Db;
import com.hiwar.support.Management;
import com.hiwar.support.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Counts for listing pages: one map for many articles, cached per instance and evicted on change,
 * and answered from memory, without a worker thread, when every count asked for is cached.
 * Writers commenting on one article at once do not queue for its count.
 */
@QuarkusTest
class CountsApiTest {

    private final String reader = Tokens.reader(Tokens.newSubject());

    @Inject
    MeterRegistry metrics;

    @Inject
    DataSource database;

    @Test
    void countsPublishedCommentsPerArticleAndZeroForUnknownOnes() {
        String a = Api.newArticle();
        String b = Api.newArticle();
        Api.postId(reader, a, "واحد");
        long second = Api.postId(reader, a, "اثنان");
        Api.replyId(reader, a, second, "رد");
        Api.postId(reader, b, "تعليق");
        given().queryParam("articles", a + "," + b + ",never-commented").get("/api/v1/counts").then()
                .statusCode(200)
                .header("Cache-Control", "public, max-age=10")
                .body(a, equalTo(3)).body(b, equalTo(1)).body("never-commented", equalTo(0));
        // A shared cache must key this public answer by Origin: CORS headers differ per origin.
        given().header("Origin", "http://publisher.test").queryParam("articles", a).get("/api/v1/counts").then()
                .statusCode(200).header("Access-Control-Allow-Origin", "http://publisher.test")
                .header("Vary", org.hamcrest.Matchers.containsString("Origin"));
    }

    @Test
    void cachedCountsAreAnsweredFromMemoryWithTheSameBytesAndHeaders() {
        String a = Api.newArticle();
        String b = Api.newArticle();
        Api.postId(reader, a, "تعليق");
        double before = fromMemory();
        var loaded = given().queryParam("articles", a + "," + b).get("/api/v1/counts").then().statusCode(200).extract();
        assertEquals(before, fromMemory(), "a first ask loads from the database");
        var kept = given().queryParam("articles", a + "," + b).get("/api/v1/counts").then().statusCode(200).extract();
        assertEquals(before + 1, fromMemory(), "the second is answered from memory");
        assertEquals(loaded.asString(), kept.asString());
        for (String header : List.of("ETag", "Cache-Control", "Vary", "Content-Type")) {
            assertEquals(loaded.header(header), kept.header(header), header);
        }
        given().queryParam("articles", a + "," + b).header("If-None-Match", kept.header("ETag")).get("/api/v1/counts")
                .then().statusCode(304);
        assertEquals(before + 2, fromMemory());

        // One id not cached yet: the whole list goes to the database, and comes back complete.
        given().queryParam("articles", a + ",fresh-" + b).get("/api/v1/counts").then().statusCode(200)
                .body(a, equalTo(1)).body("fresh-" + b, equalTo(0));
        assertEquals(before + 2, fromMemory());
        // A list that does not parse is refused as before, never answered from memory.
        given().queryParam("articles", a + ",bad id").get("/api/v1/counts").then().statusCode(400)
                .contentType("application/problem+json");
        assertEquals(before + 2, fromMemory());
    }

    private double fromMemory() {
        return Management.memoryAnswers(metrics, "counts");
    }

    @Test
    void aChangeEvictsTheCachedCountAtOnce() throws Exception {
        String a = Api.newArticle();
        long id = Api.postId(reader, a, "أول");
        given().queryParam("articles", a).get("/api/v1/counts").then().body(a, equalTo(1));
        Api.postId(reader, a, "ثان");
        awaitCount(a, 2);
        Api.as(reader).delete("/api/v1/comments/{id}", id).then().statusCode(204);
        awaitCount(a, 1);
    }

    @Test
    void unchangedCountsAnswer304() {
        String a = Api.newArticle();
        Api.postId(reader, a, "تعليق");
        String etag = given().queryParam("articles", a).get("/api/v1/counts").then().extract().header("ETag");
        given().queryParam("articles", a).header("If-None-Match", etag).get("/api/v1/counts").then().statusCode(304);
        Api.postId(reader, a, "تعليق آخر");
        String changed = awaitCount(a, 2);
        assertNotEquals(etag, changed);
    }

    @Test
    void badListsAreProblems() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= 100; i++) {
            many.add("a" + i);
        }
        given().queryParam("articles", String.join(",", many)).get("/api/v1/counts").then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/api/v1/counts").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("articles", "ok,not ok").get("/api/v1/counts").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("articles", "a,a,b").get("/api/v1/counts").then().statusCode(200)
                .body("size()", equalTo(2));
    }

    /** Eviction travels through Redis pub/sub after the commit: a few milliseconds, not zero. */
    private static String awaitCount(String article, int expected) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            var response = given().queryParam("articles", article).get("/api/v1/counts").then().extract();
            int count = response.path(article);
            if (count == expected || System.nanoTime() > deadline) {
                assertEquals(expected, count);
                return response.header("ETag");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void twoWritersOnOneArticleDoNotWaitForEachOthersCount() throws Exception {
        String article = Api.newArticle();
        long seed = Api.postId(reader, article, "أول تعليق");
        long author = ((Number) Db.scalar("select author_id from comments where id = ?1", seed)).longValue();
        // Two connections whose transactions count into different slots (a slot is the backend's pid % 16).
        Map<Long, Connection> bySlot = new HashMap<>();
        List<Connection> opened = new ArrayList<>();
        try {
            while (bySlot.size() < 2 && opened.size() < 40) {
                Connection c = database.getConnection();
                opened.add(c);
                try (Statement st = c.createStatement(); var r = st.executeQuery("select pg_backend_pid() % 16")) {
                    r.next();
                    bySlot.putIfAbsent(r.getLong(1), c);
                }
            }
            assertEquals(2, bySlot.size(), "two backends in different slots");
            List<Connection> writers = new ArrayList<>(bySlot.values());
            String insert = "insert into comments (article_id, author_id, depth, status, body, dir, created_at)"
                    + " values ('" + article + "', " + author + ", 0, 'published', 'تعليق متزامن', 'rtl', now())";
            for (Connection c : writers) {
                c.setAutoCommit(false);
                try (Statement st = c.createStatement()) {
                    st.execute("set local lock_timeout = '3s'");
                }
            }
            try (Statement first = writers.get(0).createStatement(); Statement second = writers.get(1).createStatement()) {
                first.execute(insert);
                second.execute(insert); // one count row per article would wait here for the first to commit
            }
            for (Connection c : writers) {
                c.commit();
            }
        } finally {
            for (Connection c : opened) {
                c.close();
            }
        }
        long recount = ((Number) Db.scalar("select count(*) from comments where article_id = ?1 and comment_is_public(status, hidden)",
                article)).longValue();
        assertEquals(3, recount);
        assertEquals(recount, ((Number) Db.scalar("select article_published_count(?1)", article)).longValue());
        assertTrue(((Number) Db.scalar("select count(*) from article_counts where article_id = ?1", article)).longValue() >= 2,
                "the two writers counted in rows of their own");
    }
}
