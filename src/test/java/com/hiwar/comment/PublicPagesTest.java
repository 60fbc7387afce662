package com.hiwar.comment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hiwar.support.Api;
import com.hiwar.support.Db;
import com.hiwar.support.Tokens;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The anonymous first page kept in memory: it is really served from memory (a change made behind
 * the service's back does not show), yet every change made through the service shows at once,
 * a change announced by another instance through Redis shows within a second, and a page never
 * outlives the article's closing time.
 */
@QuarkusTest
class PublicPagesTest {

    private final String alice = Tokens.reader(Tokens.newSubject());
    private final String bob = Tokens.reader(Tokens.newSubject());
    private final String moderator = Tokens.moderator(Tokens.newSubject());

    @Inject
    RedisDataSource redis;

    @ConfigProperty(name = "hiwar.live.channel")
    String liveChannel;

    static JsonPath anonymous(String article) {
        return given().get("/api/v1/articles/{a}/comments", article).then().statusCode(200).extract().jsonPath();
    }

    /** Polls the anonymous first page until it satisfies the condition, for at most a second. */
    static JsonPath within1s(String article, Predicate<JsonPath> condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 1000;
        JsonPath page = anonymous(article);
        while (!condition.test(page) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
            page = anonymous(article);
        }
        assertTrue(condition.test(page), page.prettify());
        return page;
    }

    @Test
    void everyChangeMadeThroughTheServiceShowsOnTheNextRead() throws Exception {
        String article = Api.newArticle();
        long first = Api.postId(alice, article, "التعليق الأول");
        assertEquals(List.of(first), anonymous(article).getList("comments.id", Long.class));

        long second = Api.postId(bob, article, "التعليق الثاني");
        assertEquals(List.of(second, first), anonymous(article).getList("comments.id", Long.class), "a new comment");

        Api.decide(moderator, first, "reject", "abuse");
        assertEquals(List.of(second), anonymous(article).getList("comments.id", Long.class), "a rejected one");

        Api.as(alice).put("/api/v1/comments/{id}/like", second).then().statusCode(200);
        within1s(article, p -> p.getInt("comments[0].likes") == 1); // likes travel through the live announcement

        Api.as(moderator).body(Map.of("open", false)).put("/api/v1/moderation/articles/{a}", article).then().statusCode(200);
        assertFalse(anonymous(article).getBoolean("article.open"), "closed by a moderator");
    }

    @Test
    void thePageIsKeptAndAnAnnouncementFromAnotherInstanceRefreshesIt() throws Exception {
        String article = Api.newArticle();
        long id = Api.postId(alice, article, "النص الأصلي");
        assertEquals("النص الأصلي", anonymous(article).getString("comments[0].body"));

        // Written behind the service's back, as another instance would: the kept page is what is served...
        Db.exec("update comments set body = 'نص من خادم آخر' where id = ?1", id);
        assertEquals("النص الأصلي", anonymous(article).getString("comments[0].body"));
        String etag = given().get("/api/v1/articles/{a}/comments", article).then().extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/articles/{a}/comments", article).then().statusCode(304);

        // ...until that instance's announcement arrives through Redis (article, event id, type, data).
        redis.pubsub(String.class).publish(liveChannel, article + "\n0-0\nlikes\n{\"id\":" + id + ",\"likes\":0}");
        within1s(article, p -> "نص من خادم آخر".equals(p.getString("comments[0].body")));
    }

    @Test
    void aKeptPageEndsWhenTheArticleCloses() throws Exception {
        String article = Api.newArticle();
        Api.postId(alice, article, "قبل الإغلاق");
        Instant closes = Instant.now().plusMillis(1200);
        Api.as(moderator).body(Map.of("closesAt", closes.toString())).put("/api/v1/moderation/articles/{a}", article)
                .then().statusCode(200);
        assertTrue(anonymous(article).getBoolean("article.open"));
        Thread.sleep(Math.max(0, closes.toEpochMilli() - System.currentTimeMillis()) + 50);
        assertFalse(anonymous(article).getBoolean("article.open"), "no write happened, yet the page knows it closed");
    }
}
