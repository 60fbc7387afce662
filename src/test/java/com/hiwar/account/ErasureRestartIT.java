package com.hiwar.account;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hiwar.support.FreshDatabase;
import com.hiwar.support.JarInstance;
import com.hiwar.support.Tokens;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Erasure survives a crash: the packaged jar is killed with SIGKILL halfway through a slow
 * erasure (one comment per batch), and the next start finishes it.
 */
class ErasureRestartIT {

    static final String DATABASE = "hiwar_erasure_it";
    static final int COMMENTS = 20;

    @Test
    void anErasureInterruptedByACrashFinishesAfterTheRestart() throws Exception {
        FreshDatabase.recreate(DATABASE);
        Map<String, String> settings = FreshDatabase.settings(DATABASE, 4);
        settings.put("hiwar.moderation.new-commenter-pending", "0");
        settings.put("hiwar.ratelimit.actions.comment-create", "user:100/1m, ip:100000/1m");
        settings.put("hiwar.erasure.batch-size", "1");
        settings.put("hiwar.erasure.batch-pause", "250ms");
        settings.put("hiwar.erasure.sweep-interval", "1s");
        String sub = Tokens.newSubject();
        String alice = Tokens.reader(sub);
        long first;
        long reply;
        try (JarInstance jar = JarInstance.start("erasure-1", settings)) {
            first = post(jar, alice, Map.of("body", "تعليق 0"));
            for (int i = 1; i < COMMENTS; i++) {
                post(jar, alice, Map.of("body", "تعليق " + i));
            }
            reply = post(jar, Tokens.reader(Tokens.newSubject()), Map.of("body", "رد يبقى", "parentId", first));
            given().baseUri(jar.base()).header("Authorization", "Bearer " + alice).delete("/api/v1/me")
                    .then().statusCode(202);
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (erased() < 3) {
                assertTrue(System.nanoTime() < deadline, "the erasure never started");
                Thread.sleep(50);
            }
            jar.kill();
        }
        long done = erased();
        assertTrue(done < COMMENTS, "the crash should interrupt the erasure, but " + done + " were already erased");
        assertEquals(1L, scalar("select count(*) from users where subject = '" + sub + "' and erase_requested_at is not null"));

        try (JarInstance jar = JarInstance.start("erasure-2", settings)) {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (scalar("select count(*) from users where subject = '" + sub + "'") > 0) {
                assertTrue(System.nanoTime() < deadline, "the restarted instance did not finish the erasure");
                Thread.sleep(200);
            }
            assertEquals(COMMENTS, erased());
            given().baseUri(jar.base()).get("/api/v1/comments/{id}", first).then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("deleted"));
            given().baseUri(jar.base()).get("/api/v1/comments/{id}", reply).then().statusCode(200)
                    .body("body", org.hamcrest.Matchers.equalTo("رد يبقى"));
        }
    }

    private long post(JarInstance jar, String token, Map<String, Object> body) {
        return given().baseUri(jar.base()).header("Authorization", "Bearer " + token).contentType("application/json")
                .body(body).post("/api/v1/articles/{a}/comments", "erasure-article")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static long erased() throws Exception {
        return scalar("select count(*) from comments where author_id is null and status = 'deleted' and body = ''");
    }

    private static long scalar(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/" + DATABASE, "postgres", "");
             ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
