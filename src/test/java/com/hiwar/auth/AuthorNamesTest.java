package com.hiwar.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hiwar.support.Api;
import com.hiwar.support.Db;
import com.hiwar.support.Tokens;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Authors' names are kept in memory per instance (AuthorNames), and still follow a rename at
 * once: on the instance that saw it, and on every other one through the Redis announcement.
 */
@QuarkusTest
class AuthorNamesTest {

    @Inject
    RedisDataSource redis;

    private static String named(String subject, String name) {
        return Tokens.rs256(Tokens.claims(subject).claim("name", name));
    }

    private static String nameOn(long commentId) {
        return given().get("/api/v1/comments/{id}", commentId).then().statusCode(200).extract().jsonPath().getString("author.name");
    }

    @Test
    void aReaderWhoSignsInUnderANewNameIsNamedSoOnTheirEarlierCommentsAtOnce() {
        String subject = Tokens.newSubject();
        String article = Api.newArticle();
        long first = Api.postId(named(subject, "سارة"), article, "تعليقي الأول على الخبر");
        assertEquals("سارة", nameOn(first));

        // Renamed at the publisher: the reader's next request carries the new name.
        Api.post(named(subject, "سارة أحمد"), article, Map.of("body", "تعليقي الثاني على الخبر")).statusCode(201)
                .body("author.name", equalTo("سارة أحمد"));
        assertEquals("سارة أحمد", nameOn(first));
    }

    @Test
    void aRenameAnnouncedByAnotherInstanceReachesThisOneWithinASecond() throws InterruptedException {
        String subject = Tokens.newSubject();
        long comment = Api.postId(named(subject, "هدى"), Api.newArticle(), "رأيي في الموضوع");
        assertEquals("هدى", nameOn(comment));
        long user = Db.userId(subject);

        // What another instance does on a rename: it writes the row, and announces the user once committed.
        Db.exec("update users set display_name = ?1 where id = ?2", "هدى علي", user);
        assertEquals("هدى", nameOn(comment), "kept until announced: the page did not read the row");
        redis.pubsub(String.class).publish(AuthorNames.CHANNEL, Long.toString(user));
        long deadline = System.nanoTime() + 1_000_000_000L;
        String name = nameOn(comment);
        while (!"هدى علي".equals(name) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            name = nameOn(comment);
        }
        assertEquals("هدى علي", name);
    }
}
