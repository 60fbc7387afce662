package com.hiwar.moderation.people;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hiwar.support.Api;
import com.hiwar.support.Db;
import com.hiwar.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * History-based holds: a reader whose recent comments were rejected (3 of their last 10) or
 * keep being reported (3 comments, each by 2 readers) is held until a moderator approves one.
 */
@QuarkusTest
class HistoryHoldTest {

    private final String moderator = Tokens.moderator(Tokens.newSubject());

    private record Reader(String token, long id) {}

    private static Reader reader() {
        String subject = Tokens.newSubject();
        String token = Tokens.reader(subject);
        Api.as(token).get("/api/v1/me").then().statusCode(200);
        return new Reader(token, Db.userId(subject));
    }

    private io.restassured.response.ValidatableResponse profile(long userId) {
        return Api.as(moderator).get("/api/v1/moderation/users/{u}", userId).then().statusCode(200);
    }

    private static void report(long commentId) {
        Api.as(Tokens.reader(Tokens.newSubject())).body(Map.of("reason", "abuse"))
                .post("/api/v1/comments/{id}/reports", commentId).then().statusCode(201);
    }

    @Test
    void threeRejectionsInTheLastTenHoldTheReaderUntilAModeratorApprovesOne() {
        Reader r = reader();
        String article = Api.newArticle();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(Api.postId(r.token(), article, "تعليق رقم " + i));
        }
        Api.decide(moderator, ids.get(0), "reject", "abuse");
        Api.decide(moderator, ids.get(1), "reject", "spam");
        profile(r.id()).body("hold", nullValue());
        Api.decide(moderator, ids.get(2), "reject", "hate");
        profile(r.id()).body("hold.reason", equalTo("rejections")).body("hold.figures.rejected", equalTo(3))
                .body("hold.figures.of", equalTo(3)).body("decisions.action", hasItem("history-hold"));

        long held = Api.post(r.token(), article, Map.of("body", "رأيي في الخبر")).statusCode(201)
                .body("status", equalTo("pending")).extract().jsonPath().getLong("id");
        assertEquals(List.of("history-hold"), Api.rulesOf(article, held));
        assertEquals(1L, ((Number) Db.scalar("select count(*) from moderation_audit where action = 'history-hold'"
                + " and user_id = ?1 and actor = 'system' and reason = 'rejections'", r.id())).longValue());

        Api.decide(moderator, held, "approve", null);
        profile(r.id()).body("hold", nullValue()).body("decisions.action", hasItem("history-release"));
        Api.post(r.token(), article, Map.of("body", "شكرا للمشرفين")).statusCode(201).body("status", equalTo("published"));
    }

    @Test
    void commentsReportedByTwoReadersEachHoldTheirAuthorButOneReporterAloneCannot() {
        Reader target = reader();
        String article = Api.newArticle();
        String lone = Tokens.reader(Tokens.newSubject());
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long id = Api.postId(target.token(), article, "رأي مختلف " + i);
            ids.add(id);
            Api.as(lone).body(Map.of("reason", "abuse")).post("/api/v1/comments/{id}/reports", id).then().statusCode(201);
        }
        profile(target.id()).body("hold", nullValue());
        report(ids.get(0));
        report(ids.get(1));
        profile(target.id()).body("hold", nullValue());
        report(ids.get(2));
        profile(target.id()).body("hold.reason", equalTo("reports")).body("hold.figures.reported", equalTo(3));
        Api.post(target.token(), article, Map.of("body", "تعليق بعد البلاغات")).statusCode(201).body("status", equalTo("pending"));
    }

    @Test
    void aModeratorLiftsAHoldByHandButCannotSetOne() {
        Reader r = reader();
        Api.as(moderator).body(Map.of("held", true)).put("/api/v1/moderation/users/{u}", r.id()).then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("held"));
        Db.exec("update users set held_reason = 'rejections', held_at = now(), held_details = '{}' where id = ?1", r.id());
        profile(r.id()).body("hold.reason", equalTo("rejections"));
        Api.as(moderator).body(Map.of("held", false)).put("/api/v1/moderation/users/{u}", r.id()).then().statusCode(200)
                .body("hold", nullValue()).body("decisions.action", hasItem("history-release"));
        Api.post(r.token(), Api.newArticle(), Map.of("body", "حر من جديد")).statusCode(201).body("status", equalTo("published"));
    }
}
