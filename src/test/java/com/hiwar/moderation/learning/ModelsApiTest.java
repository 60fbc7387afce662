package com.hiwar.moderation.learning;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hiwar.moderation.ModelFeedback;
import com.hiwar.moderation.ModerationConfig;
import com.hiwar.moderation.model.Features;
import com.hiwar.moderation.model.OffensiveModel;
import com.hiwar.moderation.model.OrdinaryText;
import com.hiwar.support.Api;
import com.hiwar.support.Db;
import com.hiwar.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The model's life through the admin API: the shipped version is active on a fresh database, a
 * training job learns from the fixture and moderators' decisions, the gate promotes only a better
 * version (or a forced one), admins switch and roll back, and moderators' decisions become training
 * rows and drift figures. The shipped version is active again after each test.
 */
@QuarkusTest
class ModelsApiTest {

    @Inject
    Models models;

    @Inject
    ModelFeedback feedback;

    @Inject
    ModerationConfig moderation;

    static String admin() {
        return Tokens.rs256(Tokens.claims(Tokens.newSubject()).groups(Set.of("moderator", "admin")));
    }

    @AfterEach
    void shippedAgain() {
        models.activate(1, "test");
    }

    /** A version that never flags anything: every real model beats it. */
    static long storeBlindVersion() {
        byte[] bytes = new OffensiveModel(Features.Spec.DEFAULT, -5f, new float[Features.Spec.DEFAULT.size()]).toBytes();
        return QuarkusTransaction.requiringNew().call(() -> Models.newVersion("trained", bytes, Map.of(), "test").version);
    }

    static JsonPath train(String admin, Map<String, Object> body) {
        String location = Api.as(admin).body(body).post("/api/v1/admin/models").then().statusCode(202)
                .body("state", equalTo("running")).extract().header("Location");
        return finished(admin, location);
    }

    /** Waits for the job to end; it must have succeeded. */
    static JsonPath finished(String admin, String location) {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            JsonPath job = Api.as(admin).get(location).then().statusCode(200).extract().jsonPath();
            if (!job.getString("state").equals("running") || System.currentTimeMillis() > deadline) {
                assertEquals("succeeded", job.getString("state"), job.prettify());
                assertEquals(1.0, job.getDouble("progress"));
                return job;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The job's instance announces the switch after the job is recorded as done: within moments. */
    void awaitActive(long version) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (models.active().version() != version && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(version, models.active().version());
    }

    static long modelVersionOf(long commentId) {
        return ((Number) Db.scalar("select model_version from moderation_decisions where comment_id = ?1 and decided_by = 'auto'"
                + " order by id desc limit 1", commentId)).longValue();
    }

    @Test
    void readingVersionsWritesNothingBack() {
        // A row's xmin changes with every write: listing and loading must not flush a megabyte back.
        Object before = Db.scalar("select string_agg(xmin::text, ',' order by version) from model_versions");
        models.list();
        models.refresh();
        models.list();
        assertEquals(before, Db.scalar("select string_agg(xmin::text, ',' order by version) from model_versions"));
    }

    @Test
    void theShippedModelIsVersionOneAndActive() {
        JsonPath list = Api.as(admin()).get("/api/v1/admin/models").then().statusCode(200).extract().jsonPath();
        Map<String, Object> shipped = list.getMap("find { it.version == 1 }");
        assertEquals("shipped", shipped.get("origin"));
        assertEquals(true, shipped.get("active"));
        assertTrue(list.getDouble("find { it.version == 1 }.figures.heldOut.osact2020.macroF1") >= 0.85);
        assertEquals(1L, models.active().version());
        long id = Api.postId(Tokens.reader(Tokens.newSubject()), Api.newArticle(), "تعليق عادي على الخبر");
        assertEquals(1L, modelVersionOf(id));
    }

    @Test
    void aJobTrainsAVersionAndTheGatePromotesOnlyABetterOneUnlessForced() {
        String admin = admin();
        Instant start = Instant.now();
        long blind = storeBlindVersion();
        Api.as(admin).body(Map.of("version", blind)).put("/api/v1/admin/models/active").then().statusCode(200)
                .body("version", equalTo((int) blind)).body("active", equalTo(true));
        assertEquals(blind, models.active().version());
        String reader = Tokens.reader(Tokens.newSubject());
        assertEquals(blind, modelVersionOf(Api.postId(reader, Api.newArticle(), "تعليق أول")));

        // Trained on the fixture, the new version beats the blind one on the fixture's held-out rows.
        JsonPath first = train(admin, Map.of("since", start.toString()));
        assertTrue(first.getBoolean("promoted"), first.prettify());
        long trained = first.getLong("version");
        awaitActive(trained);
        assertEquals(trained, modelVersionOf(Api.postId(reader, Api.newArticle(), "تعليق ثان")));
        JsonPath listed = Api.as(admin).get("/api/v1/admin/models").then().statusCode(200).extract().jsonPath();
        String v = "find { it.version == " + trained + " }";
        assertEquals("trained", listed.getString(v + ".origin"));
        assertEquals(10, listed.getInt(v + ".figures.fixed.rows"));
        assertEquals(40, listed.getInt(v + ".figures.training.fileRows"));
        assertEquals(OrdinaryText.examples().size(), listed.getInt(v + ".figures.training.ordinaryTextRows"), "every job trains on the ordinary text too");
        assertEquals((int) blind, listed.getInt(v + ".figures.comparedWith.version"));
        assertTrue(listed.getDouble(v + ".figures.fixed.macroF1") > listed.getDouble(v + ".figures.comparedWith.fixed.macroF1"));

        // The same rows again make the same model: not better, so it is stored but stays inactive.
        JsonPath again = train(admin, Map.of("since", start.toString()));
        assertFalse(again.getBoolean("promoted"));
        assertTrue(again.getString("outcome").contains("not better"), again.getString("outcome"));
        assertEquals(trained, models.active().version());
        assertEquals(Db.scalar("select sha256 from model_versions where version = ?1", trained),
                Db.scalar("select sha256 from model_versions where version = ?1", again.getLong("version")));

        // Forced, the same model is promoted anyway.
        JsonPath forced = train(admin, Map.of("since", start.toString(), "force", true));
        assertTrue(forced.getBoolean("promoted"));
        assertTrue(forced.getString("outcome").contains("forced"));
        awaitActive(forced.getLong("version"));

        // Roll back to the shipped version.
        Api.as(admin).body(Map.of("version", 1)).put("/api/v1/admin/models/active").then().statusCode(200)
                .body("version", equalTo(1));
        assertEquals(1L, models.active().version());
        assertEquals(1L, ((Number) Db.scalar("select count(*) from model_versions where active")).longValue());
    }

    @Test
    void moderatorsDecisionsBecomeTrainingRowsAndAgreementFigures() {
        String admin = admin();
        String moderator = Tokens.moderator(Tokens.newSubject());
        String reader = Tokens.reader(Tokens.newSubject());
        String article = Api.newArticle();
        Instant start = Instant.now();
        JsonPath before = Api.as(moderator).get("/api/v1/moderation/stats?days=1").then().statusCode(200).extract().jsonPath();

        long ordinary = pending(reader, article, "المقال يشرح القرار بوضوح");
        long insult = pending(reader, article, "الكاتب ده واطي ومنحط");
        long spam = pending(reader, article, "اشتركوا في قناتي على يوتيوب");
        long edited = pending(reader, article, "رأي قبل التعديل");
        Api.decide(moderator, ordinary, "approve", null);
        Api.decide(moderator, insult, "reject", "abuse");
        Api.decide(moderator, spam, "reject", "spam");
        Api.decide(moderator, edited, "approve", null);
        Api.as(reader).body(Map.of("body", "رأي بعد التعديل", "version", Db.version(edited)))
                .patch("/api/v1/comments/{id}", edited).then().statusCode(200);

        List<ModelFeedback.LabelledComment> rows = feedback.labelsSince(start, 1000);
        assertEquals(List.of(ordinary, insult), rows.stream().map(ModelFeedback.LabelledComment::commentId).toList(),
                "spam teaches nothing about offence; an edited comment is no longer what was decided");
        assertFalse(rows.get(0).offensive());
        assertTrue(rows.get(1).offensive());
        assertEquals("الكاتب ده واطي ومنحط", rows.get(1).body());

        JsonPath after = Api.as(moderator).get("/api/v1/moderation/stats?days=1").then().statusCode(200)
                .body("queues", org.hamcrest.Matchers.notNullValue()).extract().jsonPath();
        assertEquals(before.getLong("model.decisions") + 3, after.getLong("model.decisions"), "approvals and the abuse reject, spam left out");
        assertEquals(before.getLong("model.offensive") + 1, after.getLong("model.offensive"));
        assertEquals(moderation.model().holdAt(), after.getDouble("model.holds.threshold"), 1e-9);

        // A job learns from them: four in five train, the newest fifth is held back to judge.
        JsonPath job = train(admin, Map.of("since", start.toString()));
        String v = "find { it.version == " + job.getLong("version") + " }";
        JsonPath listed = Api.as(admin).get("/api/v1/admin/models").then().extract().jsonPath();
        assertEquals(2, listed.getInt(v + ".figures.training.decisionRows") + listed.getInt(v + ".figures.training.heldBackDecisions"));
    }

    @Test
    void oneJobRunsAtATimeAndARetryReplaysTheFirstAnswer() {
        String admin = admin();
        // A job another instance is running (heard from just now).
        UUID running = UUID.randomUUID();
        Db.exec("insert into model_jobs (id, state, since, requested_by, progress) values (?1, 'running', now(), 'other', 0.4)",
                running);
        try {
            Api.as(admin).body(Map.of()).post("/api/v1/admin/models").then().statusCode(409)
                    .contentType("application/problem+json").body("type", org.hamcrest.Matchers.endsWith("training-running"))
                    .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/admin/models/jobs/" + running));
        } finally {
            Db.exec("update model_jobs set state = 'failed', outcome = 'test' where id = ?1", running);
        }
        // With an Idempotency-Key, a retry gets the first answer again instead of a second job.
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("since", Instant.now().toString());
        String first = Api.as(admin).header("Idempotency-Key", key).body(body)
                .post("/api/v1/admin/models").then().statusCode(202).extract().jsonPath().getString("id");
        String again = Api.as(admin).header("Idempotency-Key", key).body(body)
                .post("/api/v1/admin/models").then().statusCode(202).extract().jsonPath().getString("id");
        assertEquals(first, again);
        finished(admin, "/api/v1/admin/models/jobs/" + first);
    }

    /** A reader's comment, put in the queue so a moderator can decide it. */
    static long pending(String reader, String article, String text) {
        long id = Api.postId(reader, article, text);
        Db.exec("update comments set status = 'pending' where id = ?1", id);
        return id;
    }

    @Test
    void badInputToTheModelEndpointsGetsProblems() {
        String admin = admin();
        Api.as(admin).body(Map.of()).put("/api/v1/admin/models/active").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("version"));
        Api.as(admin).body(Map.of("version", 987654)).put("/api/v1/admin/models/active").then().statusCode(404)
                .contentType("application/problem+json");
        Api.as(admin).body("{\"version\": ").put("/api/v1/admin/models/active").then().statusCode(400)
                .contentType("application/problem+json");
        Api.as(admin).body(Map.of("version", "three")).put("/api/v1/admin/models/active").then().statusCode(400)
                .contentType("application/problem+json");
        Api.as(admin).body(Map.of("since", "yesterday")).post("/api/v1/admin/models").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("since"));
        Api.as(admin).body(Map.of("since", "2999-01-01")).post("/api/v1/admin/models").then().statusCode(422)
                .contentType("application/problem+json");
        Api.as(admin).get("/api/v1/admin/models/jobs/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        Api.as(admin).get("/api/v1/admin/models/jobs/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        Api.as(Tokens.moderator(Tokens.newSubject())).get("/api/v1/admin/models").then().statusCode(403)
                .contentType("application/problem+json");
        given().get("/api/v1/admin/models").then().statusCode(401);
        Api.as(Tokens.moderator(Tokens.newSubject())).get("/api/v1/moderation/stats?days=0").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("days"));
        assertEquals(1L, models.active().version(), "nothing changed");
    }
}
