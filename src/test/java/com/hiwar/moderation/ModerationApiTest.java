package com.hiwar.moderation;

import com.hiwar.auth.Actor;
import com.hiwar.comment.CommentStore;
import com.hiwar.moderation.rules.Decision;
import com.hiwar.moderation.rules.WordListName;
import com.hiwar.moderation.wordlist.WordLists;
import com.hiwar.support.Api;
import com.hiwar.support.Db;
import com.hiwar.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Comments go through the pipeline on create and edit; decisions keep their reasons; admins edit the word lists. */
@QuarkusTest
class ModerationApiTest {

    @Inject
    WordLists lists;

    @Inject
    com.hiwar.moderation.model.ModelSource models;

    @Inject
    CommentStore comments;

    @Inject
    Situations situations;

    @Inject
    com.hiwar.moderation.site.SiteConfig site;

    @Inject
    RedisDataSource redis;

    private static String admin() {
        return Tokens.rs256(Tokens.claims(Tokens.newSubject()).groups(Set.of("moderator", "admin")));
    }

    private static String reasons(long commentId) {
        return String.valueOf(Db.scalar("select reasons::text from moderation_decisions where comment_id = ?1 order by id desc limit 1",
                commentId));
    }

    @Test
    void aBannedTermIsRejectedTheAuthorIsToldOnlyThatAndModeratorsSeeWhy() {
        String article = Api.newArticle();
        String author = Tokens.reader(Tokens.newSubject());
        String text = "والله انت شـرمـوطـة";
        long id = Api.post(author, article, Map.of("body", text)).statusCode(201)
                .body("status", equalTo("rejected"))
                .body("notice", containsString("community guidelines"))
                .extract().jsonPath().getLong("id");
        // Nobody else sees it; the author's notice names no rule.
        given().get("/api/v1/comments/{id}", id).then().statusCode(404);
        given().get("/api/v1/articles/{a}/comments", article).then().body("comments", org.hamcrest.Matchers.empty());
        assertEquals("reject", Db.scalar("select decision from moderation_decisions where comment_id = ?1", id));
        String why = reasons(id);
        int start = text.indexOf("شـرمـوطـة");
        assertTrue(why.contains("\"rule\": \"banned-terms\"") && why.contains("\"term\": \"شرموطة\"")
                && why.contains("\"start\": " + start) && why.contains("\"end\": " + (start + "شـرمـوطـة".length())), why);
    }

    @Test
    void suspectTextWaitsAndACleanEditPublishesItWhileABannedEditRejects() {
        String article = Api.newArticle();
        String author = Tokens.reader(Tokens.newSubject());
        // Suspect, and below the model's reject-at (the model rejects plainer insults such as يا منافق).
        long id = Api.post(author, article, Map.of("body", "يا جاهل")).statusCode(201)
                .body("status", equalTo("pending")).body("notice", containsString("Awaiting review"))
                .extract().jsonPath().getLong("id");
        Api.as(author).body(Map.of("body", "أعتذر، لم أقصد")).patch("/api/v1/comments/{id}", id).then()
                .statusCode(200).body("status", equalTo("published")).body("notice", nullValue());
        Api.as(author).body(Map.of("body", "كس امك")).patch("/api/v1/comments/{id}", id).then()
                .statusCode(200).body("status", equalTo("rejected"));
        assertEquals(3L, ((Number) Db.scalar("select count(*) from moderation_decisions where comment_id = ?1", id)).longValue());
        given().get("/api/v1/comments/{id}", id).then().statusCode(404);
    }

    @Test
    void preModeratedArticlesAndUsersHoldEverythingExceptModerators() {
        String article = Api.newArticle();
        Api.postId(Tokens.reader(Tokens.newSubject()), article, "افتتاح النقاش");
        Db.exec("update articles set premoderated = true where id = ?1", article);
        Api.post(Tokens.reader(Tokens.newSubject()), article, Map.of("body", "رأيي")).statusCode(201).body("status", equalTo("pending"));
        Api.post(Tokens.moderator(Tokens.newSubject()), article, Map.of("body", "تنبيه من المشرف")).statusCode(201)
                .body("status", equalTo("published"));
        String subject = Tokens.newSubject();
        String reader = Tokens.reader(subject);
        String open = Api.newArticle();
        Api.post(reader, open, Map.of("body", "أول")).statusCode(201).body("status", equalTo("published"));
        Db.exec("update users set premoderated = true where subject = ?1", subject);
        Api.post(reader, open, Map.of("body", "ثاني")).statusCode(201).body("status", equalTo("pending"));
    }

    @Test
    void theSameTextTwiceIsWithheldUnlessTheFirstWasDeletedOrIsADayOldOrAnotherReaders() {
        String subject = Tokens.newSubject();
        String reader = Tokens.reader(subject);
        long first = Api.post(reader, Api.newArticle(), Map.of("body", "اشتركوا في قناتي")).statusCode(201)
                .body("status", equalTo("published")).extract().jsonPath().getLong("id");
        long again = Api.post(reader, Api.newArticle(), Map.of("body", "اشتركوا في قنـاتـي")).statusCode(201)
                .body("status", equalTo("pending")).extract().jsonPath().getLong("id");
        Api.post(Tokens.reader(Tokens.newSubject()), Api.newArticle(), Map.of("body", "اشتركوا في قناتي")).statusCode(201)
                .body("status", equalTo("published"));

        Api.as(reader).delete("/api/v1/comments/{id}", first).then().statusCode(204);
        Api.as(reader).delete("/api/v1/comments/{id}", again).then().statusCode(204);
        Api.post(reader, Api.newArticle(), Map.of("body", "اشتركوا في قناتي")).statusCode(201).body("status", equalTo("published"));

        Db.exec("update comments set created_at = created_at - interval '25 hours' where author_id = ?1", Db.userId(subject));
        Api.post(reader, Api.newArticle(), Map.of("body", "اشتركوا في قناتي")).statusCode(201).body("status", equalTo("published"));
        Api.post(reader, Api.newArticle(), Map.of("body", "اشتركوا في قناتي")).statusCode(201).body("status", equalTo("pending"));
    }

    @Test
    void newCommentersWaitUntilOneOfTheirCommentsIsPublished() {
        // The test profile turns the rule off for everyone else; this service has N = 1.
        ModerationService oneApproval = new ModerationService(
                Offline.config(Map.of("hiwar.moderation.new-commenter-pending", "1")), lists, models, comments, situations, site);
        String subject = Tokens.newSubject();
        String reader = Tokens.reader(subject);
        String article = Api.newArticle();
        long first = Api.postId(reader, article, "تمهيد");
        Db.exec("update comments set status = 'pending' where id = ?1", first);
        long userId = ((Number) Db.scalar("select id from users where subject = ?1", subject)).longValue();
        Actor actor = new Actor(userId, subject, "قارئ", Set.of(), false, false, null, Set.of());
        assertEquals(Decision.PENDING, QuarkusTransaction.requiringNew().call(
                () -> oneApproval.screen(actor, "a", false, "تعليق جديد", null)).verdict().decision());
        Db.exec("update comments set status = 'published' where id = ?1", first);
        assertEquals(Decision.PUBLISH, QuarkusTransaction.requiringNew().call(
                () -> oneApproval.screen(actor, "a", false, "تعليق جديد", null)).verdict().decision());
    }

    @Test
    void adminsExportAndReplaceWordListsAndEveryInstanceRebuilds() {
        String admin = admin();
        String original = given().header("Authorization", "Bearer " + admin).get("/api/v1/admin/wordlists/suspect")
                .then().statusCode(200).contentType(containsString("text/plain")).extract().asString();
        assertTrue(original.lines().anyMatch("حمار"::equals));
        String etag = given().header("Authorization", "Bearer " + admin).get("/api/v1/admin/wordlists/suspect")
                .then().extract().header("ETag");
        String article = Api.newArticle();
        try {
            // Readers and moderators may not touch the lists.
            given().header("Authorization", "Bearer " + Tokens.moderator(Tokens.newSubject())).get("/api/v1/admin/wordlists/banned")
                    .then().statusCode(403).contentType("application/problem+json");
            given().get("/api/v1/admin/wordlists/banned").then().statusCode(401);
            given().header("Authorization", "Bearer " + admin).get("/api/v1/admin/wordlists/other").then().statusCode(404);
            // A bad line refuses the whole upload.
            given().header("Authorization", "Bearer " + admin).contentType("text/plain; charset=UTF-8")
                    .body(original + "بطيخ\n...\n").put("/api/v1/admin/wordlists/suspect")
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("errors[0].message", containsString("no letters"));
            Api.post(Tokens.reader(Tokens.newSubject()), article, Map.of("body", "بطيخ أحمر")).statusCode(201)
                    .body("status", equalTo("published"));
            // A good upload applies at once.
            given().header("Authorization", "Bearer " + admin).header("If-Match", etag).contentType("text/plain; charset=UTF-8")
                    .body("# comment lines are skipped\n" + original + "بطيخ\n").put("/api/v1/admin/wordlists/suspect")
                    .then().statusCode(200).body("list", equalTo("suspect"))
                    .body("version", equalTo(Integer.parseInt(etag.replace("\"", "")) + 1))
                    // The answer's ETag is the new version: the next save in the same editor can name it.
                    .header("ETag", "\"" + (Integer.parseInt(etag.replace("\"", "")) + 1) + "\"");
            Api.post(Tokens.reader(Tokens.newSubject()), article, Map.of("body", "بطيخ أحمر")).statusCode(201)
                    .body("status", equalTo("pending"));
            // Editing from an old version is refused.
            given().header("Authorization", "Bearer " + admin).header("If-Match", etag).contentType("text/plain; charset=UTF-8")
                    .body(original).put("/api/v1/admin/wordlists/suspect").then().statusCode(412);

            // Another instance changed the database and announced it on Redis: this one rebuilds.
            Db.exec("insert into word_list_terms (list, term) values ('suspect', 'شمام')");
            Db.exec("update word_lists set version = version + 1 where name = 'suspect'");
            long expected = ((Number) Db.scalar("select version from word_lists where name = 'suspect'")).longValue();
            redis.pubsub(String.class).publish(WordLists.CHANNEL, "suspect:" + expected);
            long deadline = System.currentTimeMillis() + 10_000;
            while (lists.version(WordListName.SUSPECT) != expected && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(expected, lists.version(WordListName.SUSPECT));
            Api.post(Tokens.reader(Tokens.newSubject()), article, Map.of("body", "شمام")).statusCode(201)
                    .body("status", equalTo("pending"));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        } finally {
            given().header("Authorization", "Bearer " + admin).contentType("text/plain; charset=UTF-8")
                    .body(original).put("/api/v1/admin/wordlists/suspect").then().statusCode(200);
        }
        Api.post(Tokens.reader(Tokens.newSubject()), article, Map.of("body", "بطيخ وشمام")).statusCode(201)
                .body("status", equalTo("published"));
    }
}
