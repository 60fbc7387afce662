package com.hiwar.notification;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.hiwar.support.Api;
import com.hiwar.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Notifications: published replies from others, moderators' decisions, and marking read. */
@QuarkusTest
class NotificationApiTest {

    private final String alice = Tokens.reader(Tokens.newSubject());
    private final String bob = Tokens.reader(Tokens.newSubject());
    private final String moderator = Tokens.moderator(Tokens.newSubject());

    @Test
    void aPublishedReplyFromSomeoneElseNotifiesTheParentsAuthor() {
        String article = Api.newArticle();
        long parent = Api.postId(alice, article, "سؤال للجميع");
        Api.replyId(alice, article, parent, "وأجيب نفسي");
        long reply = Api.replyId(bob, article, parent, "جواب من بوب");

        Api.as(alice).get("/api/v1/me/notifications").then().statusCode(200)
                .body("items", hasSize(1))
                .body("unread", equalTo(1))
                .body("items[0].kind", equalTo("reply"))
                .body("items[0].read", equalTo(false))
                .body("items[0].comment.id", equalTo((int) reply))
                .body("items[0].comment.excerpt", equalTo("جواب من بوب"))
                .body("items[0].comment.articleId", equalTo(article));
        Api.as(bob).get("/api/v1/me/notifications").then().body("items", hasSize(0));
    }

    @Test
    void moderatorsDecisionsNotifyTheAuthorAndAHeldReplyNotifiesOnlyOnceApproved() {
        String article = Api.newArticle();
        long parent = Api.postId(alice, article, "أول تعليق");
        Api.as(moderator).body(Map.of("premoderation", true)).put("/api/v1/moderation/articles/{a}", article)
                .then().statusCode(200);
        long held = Api.post(bob, article, Map.of("body", "رد ينتظر", "parentId", parent)).statusCode(201)
                .extract().jsonPath().getLong("id");
        long rejected = Api.post(bob, article, Map.of("body", "سيرفض")).statusCode(201).extract().jsonPath().getLong("id");
        Api.as(alice).get("/api/v1/me/notifications").then().body("items", hasSize(0));

        decide(held, "approve", null);
        decide(rejected, "reject", "off-topic");

        Api.as(alice).get("/api/v1/me/notifications").then().body("items.kind", contains("reply"));
        Api.as(bob).get("/api/v1/me/notifications").then()
                .body("items.kind", contains("rejected", "approved"))
                .body("items.comment.id", contains((int) rejected, (int) held));
    }

    @Test
    void notificationsAreMarkedReadByIdOrAllAtOnce() {
        String article = Api.newArticle();
        long parent = Api.postId(alice, article, "موضوع");
        for (int i = 0; i < 3; i++) {
            Api.replyId(Tokens.reader(Tokens.newSubject()), article, parent, "رد " + i);
        }
        List<Integer> ids = Api.as(alice).get("/api/v1/me/notifications?limit=2").then()
                .body("items", hasSize(2)).body("unread", equalTo(3)).body("nextCursor", org.hamcrest.Matchers.notNullValue())
                .extract().path("items.id");
        Api.as(alice).body(Map.of("ids", List.of(ids.get(0)))).post("/api/v1/me/notifications/read").then()
                .statusCode(200).body("marked", equalTo(1)).body("unread", equalTo(2));
        Api.as(alice).get("/api/v1/me/notifications?unread=true").then().body("items", hasSize(2));
        Api.as(alice).body(Map.of("all", true)).post("/api/v1/me/notifications/read").then()
                .statusCode(200).body("marked", equalTo(2)).body("unread", equalTo(0));
        Api.as(alice).body(Map.of("all", true)).post("/api/v1/me/notifications/read").then()
                .statusCode(200).body("marked", equalTo(0));
        Api.as(alice).body(Map.of()).post("/api/v1/me/notifications/read").then().statusCode(422)
                .contentType("application/problem+json");
        // Another reader's notification ids mark nothing.
        Api.as(bob).body(Map.of("ids", ids)).post("/api/v1/me/notifications/read").then().body("marked", equalTo(0));
    }

    private void decide(long id, String action, String reason) {
        Api.decide(moderator, id, action, reason);
    }

    /**
     * Security review finding 2: a reply's text and author are shown only while the reply is
     * public now. Edited into review, rejected or hidden by reports, it is "removed", with no text.
     */
    @Test
    void repliesNoLongerPublicShowNeitherTextNorAuthor() {
        String article = Api.newArticle();
        long parent = Api.postId(alice, article, "سؤال للقراء");
        String carol = Tokens.reader(Tokens.newSubject());
        String dan = Tokens.reader(Tokens.newSubject());
        long kept = Api.replyId(carol, article, parent, "رد يبقى منشورا");
        long rejected = Api.replyId(carol, article, parent, "رد سيرفضه المشرف");
        long hidden = Api.replyId(dan, article, parent, "رد ستخفيه البلاغات");
        long edited = Api.replyId(bob, article, parent, "رد سيعدل إلى المراجعة");
        Api.decide(moderator, rejected, "reject", "abuse");
        for (int i = 0; i < 3; i++) {
            Api.as(Tokens.reader(Tokens.newSubject())).body(Map.of("reason", "abuse"))
                    .post("/api/v1/comments/{id}/reports", hidden).then().statusCode(201);
        }
        Api.as(moderator).body(Map.of("premoderation", true)).put("/api/v1/moderation/articles/{a}", article)
                .then().statusCode(200);
        Api.as(bob).body(Map.of("body", "نص جديد ينتظر المراجعة")).patch("/api/v1/comments/{id}", edited).then()
                .statusCode(200).body("status", equalTo("pending"));

        for (String path : List.of("/api/v1/me/notifications", "/api/v1/me/export")) {
            var json = Api.as(alice).get(path).then().statusCode(200).extract().jsonPath();
            String items = path.endsWith("export") ? "notifications.items" : "items";
            String all = json.prettify();
            for (String gone : List.of("سيرفضه", "ستخفيه", "سيعدل", "نص جديد")) {
                org.junit.jupiter.api.Assertions.assertFalse(all.contains(gone), path + " shows \"" + gone + "\": " + all);
            }
            for (long id : List.of(rejected, hidden, edited)) {
                String item = items + ".find { it.comment.id == " + id + " }";
                org.junit.jupiter.api.Assertions.assertEquals("removed", json.getString(item + ".comment.status"), path + " " + id);
                org.junit.jupiter.api.Assertions.assertNull(json.get(item + ".comment.excerpt"));
                org.junit.jupiter.api.Assertions.assertNull(json.get(item + ".from"));
            }
            String keptItem = items + ".find { it.comment.id == " + kept + " }";
            org.junit.jupiter.api.Assertions.assertEquals("رد يبقى منشورا", json.getString(keptItem + ".comment.excerpt"));
            org.junit.jupiter.api.Assertions.assertNotNull(json.get(keptItem + ".from"));
        }
    }
}
