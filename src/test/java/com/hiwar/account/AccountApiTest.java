package com.hiwar.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hiwar.support.Api;
import com.hiwar.support.Db;
import com.hiwar.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A reader's own data: profile and counts, every comment, the export, and erasure. */
@QuarkusTest
class AccountApiTest {

    private final String aliceSub = Tokens.newSubject();
    private final String alice = Tokens.reader(aliceSub);
    private final String bob = Tokens.reader(Tokens.newSubject());
    private final String moderator = Tokens.moderator(Tokens.newSubject());

    @Test
    void profileCountsEveryKindOfActivity() {
        String article = Api.newArticle();
        long mine = Api.postId(alice, article, "تعليقي");
        long bobs = Api.postId(bob, article, "تعليق بوب");
        Api.as(bob).put("/api/v1/comments/{id}/like", mine).then().statusCode(200);
        Api.as(alice).put("/api/v1/comments/{id}/like", bobs).then().statusCode(200);
        Api.as(alice).body(Map.of("reason", "spam")).post("/api/v1/comments/{id}/reports", bobs).then().statusCode(201);
        Api.replyId(bob, article, mine, "رد على أليس");

        Api.as(alice).get("/api/v1/me").then().statusCode(200)
                .body("subject", equalTo(aliceSub))
                .body("counts.comments.published", equalTo(1))
                .body("counts.comments.pending", equalTo(0))
                .body("counts.likesGiven", equalTo(1))
                .body("counts.likesReceived", equalTo(1))
                .body("counts.reportsFiled", equalTo(1))
                .body("counts.unreadNotifications", equalTo(1));
        given().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void myCommentsListsEveryStatusNewestFirst() {
        String article = Api.newArticle();
        long published = Api.postId(alice, article, "تعليق منشور");
        long deleted = Api.postId(alice, article, "سأحذفه");
        Api.as(alice).delete("/api/v1/comments/{id}", deleted).then().statusCode(204);
        long rejected = Api.post(alice, article, Map.of("body", "كـس امك")).statusCode(201)
                .extract().jsonPath().getLong("id");
        Api.as(alice).get("/api/v1/me/comments").then().statusCode(200)
                .body("comments.id", contains((int) rejected, (int) deleted, (int) published))
                .body("comments.status", contains("rejected", "deleted", "published"));
        Api.as(alice).get("/api/v1/me/comments?limit=1").then().body("comments", hasSize(1))
                .body("nextCursor", notNullValue());
    }

    @Test
    void theExportHoldsAllOfMyData() {
        String article = Api.newArticle();
        long mine = Api.postId(alice, article, "نصّي الكامل");
        long bobs = Api.postId(bob, article, "لبوب");
        Api.as(alice).put("/api/v1/comments/{id}/like", bobs).then().statusCode(200);
        Api.as(alice).body(Map.of("reason", "other", "note", "ملاحظة")).post("/api/v1/comments/{id}/reports", bobs)
                .then().statusCode(201);
        Api.replyId(bob, article, mine, "رد");
        Api.as(alice).get("/api/v1/me/export").then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"hiwar-my-data.json\"")
                .header("Cache-Control", "no-store")
                .body("profile.subject", equalTo(aliceSub))
                .body("comments.body", contains("نصّي الكامل"))
                .body("likes.commentId", contains((int) bobs))
                .body("reports.note", contains("ملاحظة"))
                .body("notifications.items.kind", contains("reply"));
    }

    @Test
    void erasureFreezesAtOnceThenRemovesTheReaderButKeepsOthersRepliesUnderPlaceholders() throws Exception {
        String article = Api.newArticle();
        long answered = Api.postId(alice, article, "سيجيب عنه بوب");
        long alone = Api.postId(alice, article, "بلا ردود");
        long reply = Api.replyId(bob, article, answered, "رد بوب يبقى");
        long bobs = Api.postId(bob, article, "تعليق بوب");
        Api.as(alice).put("/api/v1/comments/{id}/like", bobs).then().body("likes", equalTo(1));
        long userId = ((Number) Db.scalar("select id from users where subject = ?", aliceSub)).longValue();

        Api.as(alice).delete("/api/v1/me").then().statusCode(202).body("state", equalTo("erasing"));
        Api.as(alice).delete("/api/v1/me").then().statusCode(202);
        Db.awaitUserGone(userId);

        given().get("/api/v1/comments/{id}", alone).then().statusCode(404);
        given().get("/api/v1/comments/{id}", answered).then().statusCode(200)
                .body("status", equalTo("deleted")).body("body", org.hamcrest.Matchers.nullValue())
                .body("author", org.hamcrest.Matchers.nullValue());
        given().get("/api/v1/comments/{id}", reply).then().statusCode(200).body("body", equalTo("رد بوب يبقى"));
        given().get("/api/v1/comments/{id}", bobs).then().body("likes", equalTo(0));
        assertEquals(0L, ((Number) Db.scalar("select count(*) from comments where body like '%سيجيب%' or body like '%بلا ردود%'")).longValue());
        // The same login starts afresh.
        Api.as(alice).get("/api/v1/me").then().statusCode(200).body("counts.comments.deleted", equalTo(0));
    }

    @Test
    void writesAreRefusedWhileErasureRunsAndABannedReaderStaysBanned() throws Exception {
        String sub = Tokens.newSubject();
        String token = Tokens.reader(sub);
        Api.postId(token, Api.newArticle(), "قبل الحظر");
        long userId = ((Number) Db.scalar("select id from users where subject = ?", sub)).longValue();
        Api.as(moderator).body(Map.of("reason", "abuse")).post("/api/v1/moderation/users/{u}/ban", userId)
                .then().statusCode(200);
        Db.exec("update users set erase_requested_at = now() where id = ?", userId); // as if the job had not run yet
        Api.post(token, Api.newArticle(), Map.of("body", "محاولة")).statusCode(403);
        Api.as(token).delete("/api/v1/me").then().statusCode(202);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (Db.scalar("select erase_requested_at from users where id = ?", userId) != null) {
            assertTrue(System.nanoTime() < deadline, "erasure did not finish");
            Thread.sleep(100);
        }
        assertEquals("banned", Db.scalar("select status from users where id = ?", userId));
        assertEquals(null, Db.scalar("select display_name from users where id = ?", userId));
        Api.post(token, Api.newArticle(), Map.of("body", "بعد المحو")).statusCode(403)
                .body("type", equalTo("https://hiwar.dev/problems/user-banned"));
    }


    /**
     * Security review finding 4: after erasure nothing that identifies the reader or repeats
     * their words is left, in any table of the schema or in the article's live history in Redis.
     */
    @Test
    void erasureLeavesNothingPersonalInAnyTableOrInTheLiveHistory() throws Exception {
        String name = "Reader " + aliceSub.substring(0, 12);
        String article = Api.newArticle();
        long contact = Api.post(alice, article, Map.of("body",
                "راسلوني على 01012345678 أو https://alice-site.example/page")).statusCode(201).extract().jsonPath().getLong("id");
        long answered = Api.postId(alice, article, "سؤال زينب الخاص");
        long rejected = Api.postId(alice, article, "سيرفض هذا التعليق");
        long deleted = Api.postId(alice, article, "سأحذف هذا بنفسي");
        Api.replyId(bob, article, answered, "رد بوب");
        long bobs = Api.postId(bob, article, "تعليق بوب");
        Api.as(alice).body(Map.of("reason", "personal-data", "note", "اسمي زينب ورقمي 01098765432"))
                .post("/api/v1/comments/{id}/reports", bobs).then().statusCode(201);
        Api.as(bob).body(Map.of("reason", "abuse", "note", "كتبت زينب: سؤال زينب الخاص"))
                .post("/api/v1/comments/{id}/reports", answered).then().statusCode(201);
        Api.as(alice).delete("/api/v1/comments/{id}", deleted).then().statusCode(204);
        Api.decide(moderator, rejected, "reject", "off-topic");
        assertTrue(((Number) Db.scalar("select count(*) from moderation_decisions where comment_id = ?1 and reasons::text like '%01012345678%'",
                contact)).longValue() > 0, "the contact rule records the matched number (what erasure must remove)");
        long userId = Db.userId(aliceSub);

        Api.as(alice).delete("/api/v1/me").then().statusCode(202);
        Db.awaitUserGone(userId);

        List<String> traces = List.of(aliceSub, name, "01012345678", "alice-site.example", "01098765432", "زينب",
                "سيرفض هذا", "سأحذف هذا");
        @SuppressWarnings("unchecked")
        List<String> tables = (List<String>) Db.list("""
                select table_name::text from information_schema.tables
                where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'""");
        assertTrue(tables.containsAll(List.of("comments", "comment_reports", "moderation_decisions", "moderation_audit",
                "users", "notifications", "idempotency_keys", "moderator_notes")), tables.toString());
        for (String table : tables) {
            for (String trace : traces) {
                long found = ((Number) Db.scalar("select count(*) from " + table + " t where t::text like '%' || ?1 || '%'",
                        trace)).longValue();
                assertEquals(0, found, table + " still holds \"" + trace + "\"");
            }
        }
        String history = redis.execute("XRANGE", com.hiwar.live.LiveHub.streamKey(article), "-", "+").toString();
        for (String trace : traces) {
            assertTrue(!history.contains(trace), "the live history holds \"" + trace + "\"");
        }
        // The thread holds: Bob's reply stays under a placeholder.
        given().get("/api/v1/comments/{id}", answered).then().statusCode(200).body("status", equalTo("deleted"));
    }

    @jakarta.inject.Inject
    io.quarkus.redis.datasource.RedisDataSource redis;
}
