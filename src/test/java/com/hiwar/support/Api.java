package com.hiwar.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;

/** Shorthand for the calls most tests make. */
public final class Api {

    private Api() {}

    public static String newArticle() {
        return "art-" + UUID.randomUUID();
    }

    public static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    public static ValidatableResponse post(String token, String articleId, Map<String, Object> body) {
        return as(token).body(body).when().post("/api/v1/articles/{a}/comments", articleId).then();
    }

    /** The status a new comment with a text of its own gets. */
    public static int postStatus(String token, String articleId) {
        return post(token, articleId, Map.of("body", "رأي في الخبر " + System.nanoTime())).extract().statusCode();
    }

    public static long postId(String token, String articleId, String text) {
        return post(token, articleId, Map.of("body", text)).statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A moderator's decision on the comment's current version; reason may be null. Expects 200. */
    public static void decide(String moderatorToken, long id, String action, String reason) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("action", action, "version", Db.version(id)));
        if (reason != null) {
            body.put("reason", reason);
        }
        as(moderatorToken).body(body).post("/api/v1/moderation/comments/{id}/decision", id).then().statusCode(200);
    }

    public static long replyId(String token, String articleId, long parentId, String text) {
        return post(token, articleId, Map.of("body", text, "parentId", parentId))
                .statusCode(201).extract().jsonPath().getLong("id");
    }

    /** The rules that held or rejected a comment, as moderators see them on the queue. */
    public static java.util.List<String> rulesOf(String articleId, long commentId) {
        return as(Tokens.moderator(Tokens.newSubject())).get("/api/v1/moderation/queues/all?articleId={a}&limit=100", articleId)
                .then().statusCode(200).extract().jsonPath().getList("items.find { it.id == " + commentId + " }.reasons.rule");
    }
}
