package com.hiwar.live;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hiwar.support.FreshDatabase;
import com.hiwar.support.JarInstance;
import com.hiwar.support.SseClient;
import com.hiwar.support.Tokens;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two packaged instances sharing PostgreSQL and Redis, as behind a load balancer: what is
 * written on one reaches readers streaming from the other, and a reader who reconnects to
 * the other instance catches up from the shared history.
 */
class LiveTwoInstancesIT {

    static final String DATABASE = "hiwar_live_it";

    @Test
    void eventsCrossInstancesThroughRedis() throws Exception {
        FreshDatabase.recreate(DATABASE);
        Map<String, String> settings = FreshDatabase.settings(DATABASE, 3);
        settings.put("hiwar.live.channel", "hiwar:live:it");
        settings.put("hiwar.moderation.new-commenter-pending", "0");
        Map<String, String> small = new java.util.HashMap<>(settings);
        small.put("hiwar.live.max-connections", "3");
        try (JarInstance a = JarInstance.start("live-a", small);
             JarInstance b = JarInstance.start("live-b", settings)) {
            String article = "art-" + UUID.randomUUID();
            String alice = Tokens.reader(Tokens.newSubject());
            try (SseClient onB = SseClient.open(b.base(), article, null)) {
                onB.next("ready");
                long id = a.post(alice, article, "كتب على الخادم أ");
                SseClient.SseEvent event = onB.next("comment");
                assertEquals(id, event.json().getLong("id"));

                given().baseUri(b.base()).header("Authorization", "Bearer " + Tokens.reader(Tokens.newSubject()))
                        .put("/api/v1/comments/{id}/like", id).then().statusCode(200);
                assertEquals(1, onB.next("likes").json().getInteger("likes"));
            }
            String lastSeen;
            try (SseClient onA = SseClient.open(a.base(), article, null)) {
                lastSeen = onA.next("ready").id();
            }
            long missed = b.post(alice, article, "فاتك وأنت منقطع");
            try (SseClient backOnA = SseClient.open(a.base(), article, lastSeen)) {
                assertEquals(1, backOnA.next("ready").json().getInteger("missed"));
                assertEquals(missed, backOnA.next("comment").json().getLong("id"));
            }

            // Instance a takes at most 3 streams; the 4th reader is told to come back later.
            try (SseClient s1 = SseClient.open(a.base(), article, null);
                 SseClient s2 = SseClient.open(a.base(), article, null);
                 SseClient s3 = SseClient.open(a.base(), article, null)) {
                s3.next("ready");
                given().baseUri(a.base()).get("/api/v1/articles/{a}/events", article).then().statusCode(503)
                        .contentType("application/problem+json").header("Retry-After", "5");
            }
            // Closed streams free their places.
            Thread.sleep(300);
            try (SseClient again = SseClient.open(a.base(), article, null)) {
                again.next("ready");
            }
        }
    }
}
