package com.hiwar.moderation.learning;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hiwar.support.FreshDatabase;
import com.hiwar.support.JarInstance;
import com.hiwar.support.Tokens;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two packaged instances sharing PostgreSQL and Redis: a version trained and promoted on one is
 * the model the other decides with within seconds, and a rollback on the other reaches the first.
 */
class ModelTwoInstancesIT {

    static final String DATABASE = "hiwar_model_it";

    @Test
    void aPromotionOrRollbackOnOneInstanceSwitchesTheOther() throws Exception {
        FreshDatabase.recreate(DATABASE);
        Map<String, String> settings = FreshDatabase.settings(DATABASE, 6);
        settings.put("hiwar.moderation.new-commenter-pending", "0");
        settings.put("hiwar.moderation.learning.training-data", Path.of("src/test/resources/model-fixture").toAbsolutePath().toString());
        try (JarInstance a = JarInstance.start("model-a", settings);
             JarInstance b = JarInstance.start("model-b", settings)) {
            String admin = Tokens.rs256(Tokens.claims(Tokens.newSubject()).groups(Set.of("moderator", "admin")));
            assertEquals(1, usedBy(b, admin), "both start on the shipped version");

            String location = given().baseUri(a.base()).header("Authorization", "Bearer " + admin).contentType("application/json")
                    .body(Map.of("force", true)).post("/api/v1/admin/models").then().statusCode(202).extract().header("Location");
            JsonPath job = awaitJob(a, admin, location);
            assertEquals("succeeded", job.getString("state"), job.prettify());
            long trained = job.getLong("version");
            awaitUsed(b, admin, trained);

            given().baseUri(b.base()).header("Authorization", "Bearer " + admin).contentType("application/json")
                    .body(Map.of("version", 1)).put("/api/v1/admin/models/active").then().statusCode(200);
            awaitUsed(a, admin, 1);
            // Any instance reports any job: the progress lives in PostgreSQL.
            given().baseUri(b.base()).header("Authorization", "Bearer " + admin).get(location).then().statusCode(200);
        }
    }

    static JsonPath awaitJob(JarInstance instance, String admin, String location) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            JsonPath job = given().baseUri(instance.base()).header("Authorization", "Bearer " + admin).get(location)
                    .then().statusCode(200).extract().jsonPath();
            if (!job.getString("state").equals("running") || System.currentTimeMillis() > deadline) {
                return job;
            }
            Thread.sleep(200);
        }
    }

    /** Within seconds (the announcement path), the instance decides new comments with this version. */
    static void awaitUsed(JarInstance instance, String token, long version) throws Exception {
        long deadline = System.currentTimeMillis() + 5_000;
        long used;
        do {
            used = usedBy(instance, token);
        } while (used != version && System.currentTimeMillis() < deadline);
        assertEquals(version, used);
    }

    /** Posts a comment on the instance and reads which model version decided it. */
    static long usedBy(JarInstance instance, String token) throws Exception {
        long id = given().baseUri(instance.base()).header("Authorization", "Bearer " + token).contentType("application/json")
                .body(Map.of("body", "تعليق عادي " + UUID.randomUUID())).post("/api/v1/articles/{a}/comments", "art-model")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        try (var c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/" + DATABASE, "postgres", "");
             var s = c.prepareStatement("select model_version from moderation_decisions where comment_id = ? and decided_by = 'auto'")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                return r.getLong(1);
            }
        }
    }
}
