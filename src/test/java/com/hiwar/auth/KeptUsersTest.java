package com.hiwar.auth;

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
 * The users behind writes are kept per instance (KeptUsers), so a POST does not read its author's
 * row; and a ban still bites on the very next write: on the instance that made it, on every other
 * through the Redis announcement, and, when an announcement is lost, through the version check
 * within a second.
 */
@QuarkusTest
class KeptUsersTest {

    @Inject
    RedisDataSource redis;

    private static void awaitRefused(String token, String article, String why) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        int status = Api.postStatus(token, article);
        while (status != 403 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            status = Api.postStatus(token, article);
        }
        assertEquals(403, status, why);
    }

    @Test
    void aBanThroughTheModerationApiBitesOnTheVeryNextPost() {
        String subject = Tokens.newSubject();
        String reader = Tokens.reader(subject);
        String moderator = Tokens.moderator(Tokens.newSubject());
        String article = Api.newArticle();
        assertEquals(201, Api.postStatus(reader, article));
        long userId = Db.userId(subject);

        Api.as(moderator).body(Map.of("reason", "abuse")).post("/api/v1/moderation/users/{u}/ban", userId).then().statusCode(200);
        Api.post(reader, article, Map.of("body", "بعد الحظر")).statusCode(403).body("type", containsString("user-banned"));

        Api.as(moderator).delete("/api/v1/moderation/users/{u}/ban", userId).then().statusCode(200);
        assertEquals(201, Api.postStatus(reader, article), "the unban too bites at once");
    }

    /** A reader whose copy this instance keeps, then banned in the database without telling it; the ban not yet felt. */
    private record KeptThenBanned(String token, String article, long userId) {}

    private static KeptThenBanned keptThenBannedQuietly() {
        String subject = Tokens.newSubject();
        String reader = Tokens.reader(subject);
        String article = Api.newArticle();
        assertEquals(201, Api.postStatus(reader, article)); // first sight: the row is written, not kept
        assertEquals(201, Api.postStatus(reader, article)); // read, and kept
        long userId = Db.userId(subject);
        // Another instance's transaction bans them; its announcement comes after the commit.
        Db.list("update users set status = 'banned' where id = ?1 returning id", userId);
        assertEquals(201, Api.postStatus(reader, article), "kept until announced: the POST did not read the row");
        return new KeptThenBanned(reader, article, userId);
    }

    @Test
    void aBanAnnouncedByAnotherInstanceBitesHereAtOnce() throws InterruptedException {
        KeptThenBanned r = keptThenBannedQuietly();
        // What another instance's KeptUsers does once its ban commits.
        new KeptCopies<String, User>(redis, "users", u -> Long.toString(u.id), Duration.ofSeconds(1), 0, Duration.ZERO)
                .changed(Long.toString(r.userId()));
        awaitRefused(r.token(), r.article(), "the announcement dropped the copy");
    }

    @Test
    void aLostAnnouncementIsCaughtByTheVersionCheckWithinASecond() throws InterruptedException {
        KeptThenBanned r = keptThenBannedQuietly();
        // The change counted but its announcement never arrived (the subscription was reconnecting).
        redis.value(Long.class).incr("hiwar:users:version");
        awaitRefused(r.token(), r.article(), "the version check dropped every copy");
    }
}
