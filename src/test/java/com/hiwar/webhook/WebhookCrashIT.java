package com.hiwar.webhook;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hiwar.support.FreshDatabase;
import com.hiwar.support.JarInstance;
import com.hiwar.support.Receiver;
import com.hiwar.support.Tokens;
import com.standardwebhooks.Webhook;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * At least once across a crash: the instance sending a delivery is killed with SIGKILL while the
 * receiver holds the request; its lease runs out and another instance sends the same event (same
 * webhook-id, valid signature), which is then recorded as delivered.
 */
class WebhookCrashIT {

    static final String DATABASE = "hiwar_webhook_it";

    @Test
    void aDeliveryCutOffByKill9IsSentByAnotherInstance() throws Exception {
        FreshDatabase.recreate(DATABASE);
        Map<String, String> settings = FreshDatabase.settings(DATABASE, 4);
        settings.put("hiwar.webhooks.allowed-hosts", "127.0.0.1");
        settings.put("hiwar.webhooks.lease", "3s");
        settings.put("hiwar.webhooks.timeout", "2s");
        settings.put("hiwar.webhooks.poll-interval", "200ms");
        settings.put("hiwar.webhooks.retry-base", "200ms");
        settings.put("hiwar.moderation.new-commenter-pending", "0");
        CountDownLatch firstArrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (Receiver receiver = Receiver.start()) {
            receiver.answering((n, r) -> {
                if (n == 0) { // the first attempt: hold it while its instance is killed
                    firstArrived.countDown();
                    release.await(60, TimeUnit.SECONDS);
                }
                return 200;
            });
            String admin = Tokens.admin(Tokens.newSubject());
            String article = "art-" + UUID.randomUUID();
            long endpoint;
            String secret;
            JarInstance a = JarInstance.start("webhook-a", settings);
            try {
                JsonPath created = given().baseUri(a.base()).header("Authorization", "Bearer " + admin).contentType("application/json")
                        .body(Map.of("url", receiver.url("/crash"), "eventTypes", List.of("comment.created")))
                        .post("/api/v1/admin/webhooks").then().statusCode(201).extract().jsonPath();
                endpoint = created.getLong("endpoint.id");
                secret = created.getString("secret");
                a.post(Tokens.reader(Tokens.newSubject()), article, "تعليق قبل سقوط الخادم");
                assertTrue(firstArrived.await(20, TimeUnit.SECONDS), "the first attempt never arrived");
                a.kill();
            } finally {
                a.close();
            }
            try (JarInstance b = JarInstance.start("webhook-b", settings)) {
                List<Receiver.Received> got = receiver.await(r -> true, 2, Duration.ofSeconds(30));
                assertEquals(2, got.size(), "the other instance sent the delivery again");
                assertEquals(got.get(0).header("webhook-id"), got.get(1).header("webhook-id"), "the same event: receivers deduplicate on it");
                new Webhook(secret).verify(got.get(1).body(), got.get(1).headers());
                JsonPath delivery = null;
                long deadline = System.currentTimeMillis() + 10_000;
                do {
                    Thread.sleep(200);
                    delivery = given().baseUri(b.base()).header("Authorization", "Bearer " + admin)
                            .get("/api/v1/admin/webhooks/{id}/deliveries", endpoint).then().statusCode(200).extract().jsonPath();
                } while (!"delivered".equals(delivery.getString("items[0].status")) && System.currentTimeMillis() < deadline);
                assertEquals("delivered", delivery.getString("items[0].status"));
                // An attempt that failed on its own (a cold client on a loaded machine) is logged and retried; the killed one counts unlogged.
                List<Map<String, Object>> log = delivery.getList("items[0].attemptLog");
                assertEquals(log.size() + 1, delivery.getInt("items[0].attempts"), "the killed instance's attempt counts: " + delivery.prettify()
                        + "\nwarnings of the instance that took over:\n" + b.warnings());
                assertEquals(200, log.get(log.size() - 1).get("statusCode"), "the surviving attempt recorded its answer: " + delivery.prettify());
                assertEquals(1, log.stream().filter(t -> Integer.valueOf(200).equals(t.get("statusCode"))).count(), "delivered once: " + delivery.prettify());
            } finally {
                release.countDown();
            }
        }
    }
}
