package com.hiwar.moderation.surge;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hiwar.moderation.rules.SurgeStep;
import com.hiwar.support.Api;
import com.hiwar.support.Db;
import com.hiwar.support.SseClient;
import com.hiwar.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The surge autopilot at the HTTP level, against the real Redis and PostgreSQL: each figure
 * engages a step, each step does what it promises to readers, moderators pin and release, and
 * calm periods (crossed with an advanced clock) step articles down one step at a time.
 * The test profile switches the site's thresholds off; each test gives its article its own.
 */
@QuarkusTest
class SurgeTest {

    private static final String SURGE = "/api/v1/moderation/surge/{a}";

    private final String moderator = Tokens.moderator(Tokens.newSubject());

    @Inject
    SurgeClock clock;

    @Inject
    Surges surges;

    /** An article that exists, with its own thresholds (steps to their figures). */
    private String article(Map<String, Object> thresholds) {
        String article = Api.newArticle();
        Api.postId(moderator, article, "افتتاح النقاش");
        Api.as(moderator).body(Map.of("thresholds", thresholds)).put(SURGE, article).then().statusCode(200);
        return article;
    }

    private ValidatableResponse surge(String article) {
        return Api.as(moderator).get(SURGE, article).then().statusCode(200);
    }

    /** Recording happens off the writer's request: wait (at most 5 s) for the step. */
    private void awaitStep(String article, String step) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!step.equals(surges.step(article).wire())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(article + " never reached " + step + "; it is " + surges.step(article).wire());
            }
            Thread.sleep(20);
        }
    }

    private static String reader() {
        return Tokens.reader(Tokens.newSubject());
    }

    private static String trusted() {
        return Tokens.rs256(Tokens.claims(Tokens.newSubject()).claim("trusted", true));
    }

    /**
     * The scheduled tick may make the change while this one runs, and then this one returns before
     * the change is indexed: callers await the step they expect.
     */
    private void calm() {
        clock.advance(Duration.ofMinutes(11));
        surges.tickNow().join();
    }

    @Test
    void commentsPerMinuteMoveAnArticleToSlowThenHeldAndCalmBringsItBackOneStepAtATime() throws Exception {
        String article = article(Map.of("slow", Map.of("commentsPerMinute", 5), "held", Map.of("commentsPerMinute", 10)));
        try (SseClient stream = SseClient.open(article, null)) {
            stream.next("ready");
            String first = reader();
            Api.postId(first, article, "تعليق أول");
            for (int i = 0; i < 3; i++) {
                Api.postId(reader(), article, "تعليق رقم " + i);
            }
            awaitStep(article, "slow");
            assertEquals("slow", stream.first("pace").json().getString("step"));
        }
        surge(article).body("step", equalTo("slow")).body("figures.commentsPerMinute", equalTo(5.0f)).body("since", org.hamcrest.Matchers.notNullValue());
        Api.as(reader()).get("/api/v1/articles/{a}/comments", article).then().body("article.pace.step", equalTo("slow"))
                .body("article.pace.waitSeconds", equalTo(60));
        List<?> audit = Db.list("select reason, details ->> 'from', details ->> 'to' from moderation_audit"
                + " where action = 'surge-step' and article_id = ?1 and actor = 'system' order by id", article);
        assertEquals(1, audit.size());
        assertTrue(((Object[]) audit.get(0))[0].toString().contains("comments 5/min >= 5"), () -> List.of((Object[]) audit.get(0)).toString());

        // Slow: one comment per reader per minute on this article (the test profile's comment-slow).
        String writer = reader();
        Api.post(writer, article, Map.of("body", "رأيي الأول")).statusCode(201).body("status", equalTo("published"));
        Api.post(writer, article, Map.of("body", "رأيي الثاني")).statusCode(429).contentType("application/problem+json")
                .body("type", containsString("slow-mode")).header("Retry-After", org.hamcrest.Matchers.notNullValue());
        Api.post(moderator, article, Map.of("body", "المشرف لا يبطئ")).statusCode(201);

        for (int i = 0; i < 3; i++) {
            Api.postId(reader(), article, "موجة " + i);
        }
        awaitStep(article, "held");
        long held = Api.post(reader(), article, Map.of("body", "تعليق أثناء الذروة")).statusCode(201)
                .body("status", equalTo("pending")).extract().jsonPath().getLong("id");
        assertEquals(List.of("surge"), Api.rulesOf(article, held));
        Api.post(trusted(), article, Map.of("body", "قارئ موثوق")).statusCode(201).body("status", equalTo("published"));

        calm();
        awaitStep(article, "slow");
        calm();
        awaitStep(article, "normal");
        Api.as(reader()).get("/api/v1/articles/{a}/comments", article).then().body("article.pace", nullValue());
        List<?> steps = Db.list("select details ->> 'to', reason from moderation_audit"
                + " where action = 'surge-step' and article_id = ?1 order by id", article);
        assertEquals(List.of("slow", "held", "slow", "normal"), steps.stream().map(r -> ((Object[]) r)[0]).toList());
        assertTrue(((Object[]) steps.get(3))[1].toString().startsWith("calm for 10 min"));
    }

    @Test
    void aReportWaveOrAWaveOfNewAccountsEngagesTheSlowStepOnItsOwn() throws Exception {
        String reported = article(Map.of("slow", Map.of("reportsPerMinute", 3)));
        long target = Api.postId(reader(), reported, "رأي مثير للجدل");
        for (int i = 0; i < 3; i++) {
            Api.as(reader()).body(Map.of("reason", "abuse")).post("/api/v1/comments/{id}/reports", target).then().statusCode(201);
        }
        awaitStep(reported, "slow");
        surge(reported).body("figures.reportsPerMinute", equalTo(3.0f));

        String joined = article(Map.of("slow", Map.of("newCommentersPerMinute", 3)));
        for (int i = 0; i < 3; i++) {
            Api.postId(reader(), joined, "حساب جديد " + i);
        }
        awaitStep(joined, "slow");
        surge(joined).body("figures.newCommentersPerMinute", equalTo(3.0f));
    }

    @Test
    void aModeratorPinsAnArticleClosedAndReleasesItStepByStep() throws Exception {
        String article = article(Map.of());
        Api.as(moderator).body(Map.of("pin", "closed", "reason", "حكم المحكمة")).put(SURGE, article).then().statusCode(200)
                .body("step", equalTo("closed")).body("pinned", equalTo("closed"));
        Api.post(reader(), article, Map.of("body", "هل من جديد؟")).statusCode(409).contentType("application/problem+json")
                .body("type", containsString("surge-closed"));
        Api.post(moderator, article, Map.of("body", "توضيح من التحرير")).statusCode(201);
        Api.as(moderator).get("/api/v1/moderation/surge").then().statusCode(200)
                .body("find { it.articleId == '" + article + "' }.pinned", equalTo("closed"));
        // A pin holds against calm.
        calm();
        assertEquals("closed", surges.step(article).wire());

        Api.as(moderator).body(Map.of("pin", "none")).put(SURGE, article).then().statusCode(200).body("pinned", nullValue());
        assertEquals("held", surges.step(article).wire());
        calm();
        awaitStep(article, "slow");
        calm();
        awaitStep(article, "normal");
        List<?> actions = Db.list("select action from moderation_audit where article_id = ?1 and action like 'surge-%' order by id", article);
        assertEquals(List.of("surge-settings", "surge-settings", "surge-step", "surge-release", "surge-step", "surge-step", "surge-step"),
                actions);
    }

    @Test
    void aChangeOfStepThatALaterOneOvertookNeverOverwritesTheIndex() {
        String article = Api.newArticle();
        Instant t = clock.now();
        assertTrue(surges.index(article, SurgeStep.HELD, t));
        assertTrue(surges.index(article, SurgeStep.NORMAL, t.plusSeconds(60)));
        assertFalse(surges.index(article, SurgeStep.SLOW, t.plusSeconds(30)), "an older change came last");
        surges.reloadSteps();
        assertEquals("normal", surges.step(article).wire());
        assertTrue(surges.index(article, SurgeStep.SLOW, t.plusSeconds(90)));
        surges.reloadSteps();
        assertEquals("slow", surges.step(article).wire());
        assertTrue(surges.index(article, SurgeStep.SLOW, t.plusSeconds(90)), "the same change again (a retry) is written");
        // Left slow, the article would be evaluated on every tick for the rest of the run: other tests count Redis calls.
        surges.index(article, SurgeStep.NORMAL, t.plusSeconds(120));
        surges.reloadSteps();
    }

    @Test
    void theHotArticlesPanelListsArticlesWithRecentComments() throws Exception {
        String article = article(Map.of());
        long deadline = System.nanoTime() + 5_000_000_000L;
        List<String> listed = List.of();
        while (!listed.contains(article) && System.nanoTime() < deadline) {
            listed = Api.as(moderator).get("/api/v1/moderation/surge").then().statusCode(200).extract().jsonPath().getList("articleId");
            Thread.sleep(50);
        }
        assertTrue(listed.contains(article), () -> "not listed: " + article);
    }

    @Test
    void onlyModeratorsSeeOrSteerTheAutopilotAndBadSettingsAreProblems() {
        String article = article(Map.of());
        Api.as(reader()).get("/api/v1/moderation/surge").then().statusCode(403);
        Api.as(moderator).body(Map.of("pin", "panic")).put(SURGE, article).then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("pin"));
        Api.as(moderator).body(Map.of("thresholds", Map.of("normal", Map.of("commentsPerMinute", 1)))).put(SURGE, article)
                .then().statusCode(422);
        Api.as(moderator).body(Map.of("thresholds", Map.of("held", Map.of("heldShare", 2)))).put(SURGE, article)
                .then().statusCode(422);
        Api.as(moderator).body(Map.of("pin", "slow")).put(SURGE, Api.newArticle()).then().statusCode(404)
                .contentType("application/problem+json");
        Api.as(moderator).body(Map.of()).put(SURGE, article).then().statusCode(422);
    }
}
