package com.hiwar.article;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hiwar.signal.KeptCopies;
import com.hiwar.support.Api;
import com.hiwar.support.Db;
import com.hiwar.support.Tokens;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Articles are kept per instance for new comments' checks (KeptArticles), so a POST does not read
 * the article's row; and closing an article or holding its comments still bites on the very next
 * comment: on the instance that made the change, and on every other through Redis.
 */
@QuarkusTest
class KeptArticlesTest {

    @Inject
    RedisDataSource redis;

    @Test
    void aModeratorClosingOrHoldingTheArticleBitesOnTheVeryNextComment() {
        String reader = Tokens.reader(Tokens.newSubject());
        String moderator = Tokens.moderator(Tokens.newSubject());
        String article = Api.newArticle();
        assertEquals(201, Api.postStatus(reader, article));
        assertEquals(201, Api.postStatus(reader, article));

        Api.as(moderator).body(Map.of("premoderation", true)).put("/api/v1/moderation/articles/{a}", article).then().statusCode(200);
        Api.post(reader, article, Map.of("body", "تعليق بعد المراجعة المسبقة")).statusCode(201).body("status", containsString("pending"));

        Api.as(moderator).body(Map.of("open", false)).put("/api/v1/moderation/articles/{a}", article).then().statusCode(200);
        Api.post(reader, article, Map.of("body", "تعليق بعد الإغلاق")).statusCode(409).body("type", containsString("article-closed"));

        Api.as(moderator).body(Map.of("open", true)).put("/api/v1/moderation/articles/{a}", article).then().statusCode(200);
        assertEquals(201, Api.postStatus(reader, article), "reopening too bites at once");
    }

    @Test
    void aCloseAnnouncedByAnotherInstanceBitesHereAtOnce() throws InterruptedException {
        String reader = Tokens.reader(Tokens.newSubject());
        String article = Api.newArticle();
        assertEquals(201, Api.postStatus(reader, article)); // creates the article
        assertEquals(201, Api.postStatus(reader, article)); // reads it, and keeps it

        // Another instance's transaction closes it (its announcement comes after the commit).
        Db.list("update articles set open = false where id = ?1 returning id", article);
        assertEquals(201, Api.postStatus(reader, article), "kept until announced: the POST did not read the row");

        new KeptCopies<String, Article>(redis, "articles", a -> a.id, Duration.ofSeconds(1), 0, Duration.ZERO).changed(article);
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        int status = Api.postStatus(reader, article);
        while (status != 409 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            status = Api.postStatus(reader, article);
        }
        assertEquals(409, status, "the announcement dropped the copy");
    }
}
