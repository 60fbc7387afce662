package com.hiwar.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import com.hiwar.support.Api;
import com.hiwar.support.Db;
import com.hiwar.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reports: one per reader, a weighted threshold that hides, and moderators' decisions that resolve. */
@QuarkusTest
class ReportApiTest {

    private final String author = Tokens.reader(Tokens.newSubject());
    private final String moderator = Tokens.moderator(Tokens.newSubject());

    static ValidatableResponse report(String token, long id, String reason) {
        return Api.as(token).body(Map.of("reason", reason)).post("/api/v1/comments/{id}/reports", id).then();
    }

    private static ValidatableResponse publicView(long id) {
        return given().get("/api/v1/comments/{id}", id).then();
    }

    private void approve(long id) {
        Api.decide(moderator, id, "approve", null);
    }

    @Test
    void threeReportsFromDistinctReadersHideTheCommentUntilAModeratorDecides() {
        String article = Api.newArticle();
        long id = Api.postId(author, article, "رأي مثير للجدل");
        report(Tokens.reader(Tokens.newSubject()), id, "spam").statusCode(201).body("reason", equalTo("spam"));
        report(Tokens.reader(Tokens.newSubject()), id, "abuse").statusCode(201);
        publicView(id).statusCode(200);

        Api.as(moderator).queryParam("articleId", article).get("/api/v1/moderation/queues/reported").then().statusCode(200)
                .body("items.id", hasItem((int) id));

        report(Tokens.reader(Tokens.newSubject()), id, "hate").statusCode(201);
        publicView(id).statusCode(404);
        given().get("/api/v1/articles/{a}/comments", article).then()
                .body("comments", hasSize(0)).body("article.publishedCount", equalTo(0));
        Api.as(author).get("/api/v1/comments/{id}", id).then().statusCode(200)
                .body("hidden", equalTo(true)).body("notice", equalTo("Hidden after readers reported it, until a moderator reviews it"));

        Api.as(moderator).queryParam("articleId", article).get("/api/v1/moderation/queues/reported").then()
                .body("items.find { it.id == " + id + " }.hidden", equalTo(true))
                .body("items.find { it.id == " + id + " }.reports.reason", org.hamcrest.Matchers.contains("spam", "abuse", "hate"));

        approve(id);
        publicView(id).statusCode(200);
        Api.as(moderator).queryParam("articleId", article).get("/api/v1/moderation/queues/reported").then().body("items.id", not(hasItem((int) id)));
        assertResolved(id, 3);
    }

    @Test
    void aCommentApprovedOverReportsNeedsAFullSetOfNewOnesToHideAgain() {
        long id = Api.postId(author, Api.newArticle(), "رأي");
        String first = Tokens.reader(Tokens.newSubject());
        report(first, id, "spam").statusCode(201);
        report(Tokens.reader(Tokens.newSubject()), id, "spam").statusCode(201);
        approve(id);

        report(first, id, "abuse").statusCode(409).body("type", equalTo("https://hiwar.dev/problems/already-reported"));
        report(Tokens.reader(Tokens.newSubject()), id, "spam").statusCode(201);
        report(Tokens.reader(Tokens.newSubject()), id, "spam").statusCode(201);
        publicView(id).statusCode(200);
        report(Tokens.reader(Tokens.newSubject()), id, "spam").statusCode(201);
        publicView(id).statusCode(404);
    }

    @Test
    void trustedReadersReportsCountDouble() {
        long id = Api.postId(author, Api.newArticle(), "رأي آخر");
        String trusted = Tokens.rs256(Tokens.claims(Tokens.newSubject()).claim("trusted", true));
        report(trusted, id, "personal-data").statusCode(201);
        publicView(id).statusCode(200);
        report(Tokens.reader(Tokens.newSubject()), id, "other").statusCode(201);
        publicView(id).statusCode(404);
    }

    @Test
    void rejectingAReportedCommentResolvesItsReports() {
        long id = Api.postId(author, Api.newArticle(), "سيرفض");
        report(Tokens.reader(Tokens.newSubject()), id, "abuse").statusCode(201);
        Api.decide(moderator, id, "reject", "abuse");
        assertResolved(id, 1);
    }

    @Test
    void badReportsAreProblems() {
        long id = Api.postId(author, Api.newArticle(), "تعليق");
        report(author, id, "spam").statusCode(403).body("type", equalTo("https://hiwar.dev/problems/own-comment"));
        report(Tokens.reader(Tokens.newSubject()), id, "boring").statusCode(422).contentType("application/problem+json");
        report(Tokens.reader(Tokens.newSubject()), 987654321L, "spam").statusCode(404);
        Api.as(Tokens.reader(Tokens.newSubject())).body(Map.of("reason", "spam", "note", "x\u0000y"))
                .post("/api/v1/comments/{id}/reports", id).then().statusCode(422);
        given().contentType("application/json").body(Map.of("reason", "spam"))
                .post("/api/v1/comments/{id}/reports", id).then().statusCode(401);
        Api.as(Tokens.reader(Tokens.newSubject())).body("{\"reason\": ").post("/api/v1/comments/{id}/reports", id)
                .then().statusCode(400).contentType("application/problem+json");
        Api.as(Tokens.reader(Tokens.newSubject())).body(Map.of("reason", "spam", "severity", 5))
                .post("/api/v1/comments/{id}/reports", id).then().statusCode(400).contentType("application/problem+json");
    }

    private static void assertResolved(long id, int expected) {
        Number resolved = (Number) Db.scalar(
                "select count(*) from comment_reports where comment_id = ? and resolved_at is not null", id);
        org.junit.jupiter.api.Assertions.assertEquals(expected, resolved.intValue());
        Number score = (Number) Db.scalar("select report_score + open_reports from comments where id = ?", id);
        org.junit.jupiter.api.Assertions.assertEquals(0, score.intValue());
    }
}
