package com.hiwar.webhook;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hiwar.support.Api;
import com.hiwar.support.Db;
import com.hiwar.support.Receiver;
import io.vertx.core.json.JsonObject;
import com.hiwar.support.Receiver.Received;
import com.hiwar.support.Tokens;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Webhooks end to end against a real receiver on 127.0.0.1 (allow-listed in the test profile):
 * signed as Standard Webhooks says (checked with its own Java library), retried until the
 * receiver answers and then never again, dead after the give-up time and replayable, secrets
 * rotated with a grace period, and refused targets inside the network.
 */
@QuarkusTest
class WebhookApiTest {

    private final String admin = Tokens.admin(Tokens.newSubject());
    private final String reader = Tokens.reader(Tokens.newSubject());
    private final String moderator = Tokens.moderator(Tokens.newSubject());

    private RequestSpecification asAdmin() {
        return given().header("Authorization", "Bearer " + admin).contentType("application/json");
    }

    /** Each test's endpoints go with it, also when it fails, so none receives the next test's events. */
    @org.junit.jupiter.api.AfterEach
    void removeEndpoints() {
        Db.exec("delete from webhook_endpoints");
    }

    private JsonPath register(String url, List<String> types) {
        return asAdmin().body(Map.of("url", url, "eventTypes", types, "description", "غرفة الأخبار"))
                .post("/api/v1/admin/webhooks").then().statusCode(201).extract().jsonPath();
    }

    private static Predicate<Received> about(String article) {
        return r -> r.body().contains("\"" + article + "\"");
    }

    @Test
    void aNewCommentReachesTheReceiverSignedSoStandardWebhooksVerifiesIt() throws Exception {
        try (Receiver receiver = Receiver.start()) {
            JsonPath created = register(receiver.url("/hooks"), List.of("comment.created", "comment.published"));
            String secret = created.getString("secret");
            assertTrue(secret.startsWith("whsec_"));
            long id = created.getLong("endpoint.id");
            String article = Api.newArticle();
            long comment = Api.postId(reader, article, "تعليق يصل إلى غرفة الأخبار");

            List<Received> got = receiver.await(about(article), 2, Duration.ofSeconds(10));
            assertEquals(List.of("comment.created", "comment.published"), got.stream().map(r -> r.json().getString("type")).sorted().toList());
            for (Received r : got) {
                new Webhook(secret).verify(r.body(), r.headers()); // throws if the signature or timestamp is wrong
                assertEquals(1, r.json().getInteger("version"));
                assertEquals(comment, r.json().getJsonObject("data").getJsonObject("comment").getLong("id"));
                assertEquals("تعليق يصل إلى غرفة الأخبار", r.json().getJsonObject("data").getJsonObject("comment").getString("body"));
                assertEquals("application/json", r.header("content-type"));
                assertTrue(r.header("webhook-id").startsWith("msg_"));
            }
            assertNotEquals(got.get(0).header("webhook-id"), got.get(1).header("webhook-id"), "each event has its own id");
            assertThrows(WebhookVerificationException.class, () -> new Webhook(Endpoints.newSecret()).verify(got.get(0).body(), got.get(0).headers()),
                    "another secret does not verify");

            JsonPath deliveries;
            long deadline = System.currentTimeMillis() + 5000;
            do { // the receiver has both; their outcomes are recorded just after
                Thread.sleep(100);
                deliveries = asAdmin().get("/api/v1/admin/webhooks/{id}/deliveries", id).then().statusCode(200).extract().jsonPath();
            } while (!deliveries.getList("items.status").equals(List.of("delivered", "delivered")) && System.currentTimeMillis() < deadline);
            assertEquals(List.of("delivered", "delivered"), deliveries.getList("items.status"));
            assertEquals(200, deliveries.getInt("items[0].attemptLog[0].statusCode"));
            assertTrue(asAdmin().get("/api/v1/admin/webhooks").then().statusCode(200).extract().asString().contains(receiver.url("/hooks")));
            assertTrue(!asAdmin().get("/api/v1/admin/webhooks/{id}", id).then().statusCode(200).extract().asString().contains(secret),
                    "the secret is shown once, when it is made");
        }
    }

    @Test
    void aReceiverThatFailsThreeTimesGetsTheEventAgainEachTimeThenNeverAgain() throws Exception {
        try (Receiver receiver = Receiver.start()) {
            receiver.answering((n, r) -> n < 3 ? 503 : 200);
            long id = register(receiver.url("/flaky"), List.of("comment.created")).getLong("endpoint.id");
            String article = Api.newArticle();
            Api.postId(reader, article, "تعليق يصل بعد ثلاث محاولات");
            List<Received> got = receiver.await(about(article), 4, Duration.ofSeconds(15));
            assertEquals(4, got.size(), "three failures, then the delivery");
            assertEquals(1, got.stream().map(r -> r.header("webhook-id")).distinct().count(), "the same event each time");
            Thread.sleep(2500); // several poll intervals and retry delays: nothing more comes
            assertEquals(4, receiver.await(about(article), 5, Duration.ZERO).size(), "delivered once answered, then never again");
            JsonPath d = asAdmin().get("/api/v1/admin/webhooks/{id}/deliveries", id).then().statusCode(200).extract().jsonPath();
            assertEquals("delivered", d.getString("items[0].status"));
            assertEquals(4, d.getInt("items[0].attempts"));
            assertEquals(List.of(503, 503, 503, 200), d.getList("items[0].attemptLog.statusCode"));
            assertEquals("{\"seen\":1}", d.getString("items[0].attemptLog[0].response"), "the answer's first bytes are kept");
        }
    }

    @Test
    void aLeaseThatFailsBeforeSendingIsARecordedAttemptAndRetried() throws Exception {
        try (Receiver receiver = Receiver.start()) {
            long id = register(receiver.url("/later"), List.of("comment.created")).getLong("endpoint.id");
            Db.exec("update webhook_endpoints set url = ?1 where id = ?2", receiver.url("/not a uri"), id); // URI.create throws
            String article = Api.newArticle();
            Api.postId(reader, article, "تعليق يتعثر قبل الإرسال");
            JsonPath d;
            long deadline = System.currentTimeMillis() + 10_000;
            do {
                Thread.sleep(100);
                d = asAdmin().get("/api/v1/admin/webhooks/{id}/deliveries", id).then().statusCode(200).extract().jsonPath();
            } while (d.getList("items[0].attemptLog").isEmpty() && System.currentTimeMillis() < deadline);
            assertTrue(d.getString("items[0].attemptLog[0].error").startsWith("failed before sending"), d.prettify());
            Db.exec("update webhook_endpoints set url = ?1 where id = ?2", receiver.url("/later"), id);
            assertEquals(1, receiver.await(about(article), 1, Duration.ofSeconds(15)).size(), "retried once the URL mends");
            deadline = System.currentTimeMillis() + 5000;
            do {
                Thread.sleep(100);
                d = asAdmin().get("/api/v1/admin/webhooks/{id}/deliveries", id).then().statusCode(200).extract().jsonPath();
            } while (!"delivered".equals(d.getString("items[0].status")) && System.currentTimeMillis() < deadline);
            assertEquals("delivered", d.getString("items[0].status"));
            assertEquals(d.getList("items[0].attemptLog").size(), d.getInt("items[0].attempts"), "every attempt counted is one admins see: " + d.prettify());
        }
    }

    @Test
    void aDeliveryFailingPastTheGiveUpTimeIsDeadAndAnAdminCanReplayIt() throws Exception {
        try (Receiver receiver = Receiver.start()) {
            receiver.answering((n, r) -> 500);
            long id = register(receiver.url("/down"), List.of("comment.created")).getLong("endpoint.id");
            String article = Api.newArticle();
            Api.postId(reader, article, "تعليق لمستقبل متوقف");
            long deadline = System.currentTimeMillis() + 20_000;
            JsonPath d;
            do {
                Thread.sleep(300);
                d = asAdmin().get("/api/v1/admin/webhooks/{id}/deliveries?status=dead", id).then().statusCode(200).extract().jsonPath();
            } while (d.getList("items").isEmpty() && System.currentTimeMillis() < deadline);
            assertEquals("dead", d.getString("items[0].status"), "given up after the test profile's 4 s");
            int tries = receiver.await(about(article), 1, Duration.ZERO).size();
            assertTrue(tries >= 3, "retried before giving up: " + tries);

            receiver.answering((n, r) -> 200);
            long delivery = d.getLong("items[0].id");
            asAdmin().post("/api/v1/admin/webhooks/{id}/deliveries/{d}/retry", id, delivery).then().statusCode(202);
            assertEquals(tries + 1, receiver.await(about(article), tries + 1, Duration.ofSeconds(10)).size(), "replayed once");
            deadline = System.currentTimeMillis() + 5000;
            String status;
            do {
                Thread.sleep(100);
                status = asAdmin().get("/api/v1/admin/webhooks/{id}/deliveries", id).then().extract().jsonPath().getString("items[0].status");
            } while (!"delivered".equals(status) && System.currentTimeMillis() < deadline);
            assertEquals("delivered", status);
            asAdmin().post("/api/v1/admin/webhooks/{id}/deliveries/{d}/retry", id, 999_999_999L).then().statusCode(404)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void aSilentReceiverTimesOutAndAnEndlessAnswerIsCutAfterItsFirstKilobyte() throws Exception {
        try (Receiver receiver = Receiver.start()) {
            receiver.answering((n, r) -> {
                if (n == 0) {
                    Thread.sleep(6000); // past the 2 s a receiver has in the test profile
                    return 200;
                }
                return Receiver.ENDLESS;
            });
            long id = register(receiver.url("/slow"), List.of("comment.created")).getLong("endpoint.id");
            Api.postId(reader, Api.newArticle(), "تعليق لمستقبل بطيء");
            JsonPath d = null;
            long deadline = System.currentTimeMillis() + 20_000;
            do {
                Thread.sleep(300);
                d = asAdmin().get("/api/v1/admin/webhooks/{id}/deliveries", id).then().statusCode(200).extract().jsonPath();
            } while (!"delivered".equals(d.getString("items[0].status")) && System.currentTimeMillis() < deadline);
            assertEquals("delivered", d.getString("items[0].status"));
            assertNull((Object) d.get("items[0].attemptLog[0].statusCode"), "the silent attempt has no status");
            assertTrue(d.getString("items[0].attemptLog[0].error").matches("(?is).*(timed out|timeout).*"), d.getString("items[0].attemptLog[0].error"));
            assertTrue(d.getInt("items[0].attemptLog[0].durationMs") < 4000, "cut at the timeout, not when the receiver woke");
            assertEquals(200, d.getInt("items[0].attemptLog[1].statusCode"));
            assertEquals(Deliveries.RESPONSE_KEPT, d.getString("items[0].attemptLog[1].response").length(), "no more than 1 KB kept");
            assertTrue(d.getInt("items[0].attemptLog[1].durationMs") < 3000, "the endless rest was never read");
        }
    }

    @Test
    void aRedirectIsAFailureAndIsNotFollowed() throws Exception {
        try (Receiver receiver = Receiver.start()) {
            receiver.answering((n, r) -> "/redirected".equals(r.path()) ? 200 : 302);
            long id = register(receiver.url("/moved"), List.of("comment.created")).getLong("endpoint.id");
            String article = Api.newArticle();
            Api.postId(reader, article, "تعليق وإعادة توجيه");
            assertTrue(receiver.await(about(article), 2, Duration.ofSeconds(10)).size() >= 2, "retried");
            assertTrue(receiver.received().stream().noneMatch(r -> "/redirected".equals(r.path())), "the Location was never followed");
            assertEquals(302, asAdmin().get("/api/v1/admin/webhooks/{id}/deliveries", id).then().extract().jsonPath()
                    .getInt("items[0].attemptLog[0].statusCode"));
        }
    }

    @Test
    void aRotatedSecretSignsBesideThePreviousOneDuringItsGrace() throws Exception {
        try (Receiver receiver = Receiver.start()) {
            JsonPath created = register(receiver.url("/rotate"), List.of("comment.created"));
            long id = created.getLong("endpoint.id");
            String old = created.getString("secret");
            JsonPath rotated = asAdmin().header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                    .post("/api/v1/admin/webhooks/{id}/secret", id).then().statusCode(200).extract().jsonPath();
            String fresh = rotated.getString("secret");
            assertNotEquals(old, fresh);
            assertNotNull(rotated.getString("endpoint.previousSecretValidUntil"));
            String article = Api.newArticle();
            Api.postId(reader, article, "تعليق بسرّين");
            Received r = receiver.await(about(article), 1, Duration.ofSeconds(10)).get(0);
            assertEquals(2, r.header("webhook-signature").split(" ").length);
            new Webhook(old).verify(r.body(), r.headers());
            new Webhook(fresh).verify(r.body(), r.headers());
        }
    }

    @Test
    void everyCommentUserAndArticleEventArrives() throws Exception {
        try (Receiver receiver = Receiver.start()) {
            long id = register(receiver.url("/all"), Endpoints.EVENT_TYPES).getLong("endpoint.id");
            String article = Api.newArticle();
            long first = Api.postId(reader, article, "أول تعليق");
            given().header("Authorization", "Bearer " + moderator).contentType("application/json").body(Map.of("premoderation", true))
                    .put("/api/v1/moderation/articles/{a}", article).then().statusCode(200);
            String writerSubject = Tokens.newSubject();
            long held = Api.post(Tokens.reader(writerSubject), article, Map.of("body", "ينتظر المراجعة")).statusCode(201)
                    .extract().jsonPath().getLong("id");
            Api.decide(moderator, held, "approve", null);
            Api.as(Tokens.reader(Tokens.newSubject())).contentType("application/json").body(Map.of("reason", "spam"))
                    .post("/api/v1/comments/{id}/reports", first).then().statusCode(201);
            for (int i = 0; i < 3; i++) { // the test profile hides a comment at 3 reports
                Api.as(Tokens.reader(Tokens.newSubject())).contentType("application/json").body(Map.of("reason", "abuse"))
                        .post("/api/v1/comments/{id}/reports", held).then().statusCode(201);
            }
            Api.as(reader).contentType("application/json").body(Map.of("body", "أول تعليق بعد التعديل"))
                    .patch("/api/v1/comments/{id}", first).then().statusCode(200);
            long rejected = Api.post(reader, article, Map.of("body", "سيُرفض")).statusCode(201).extract().jsonPath().getLong("id");
            Api.decide(moderator, rejected, "reject", "spam");
            long deleted = Api.post(reader, article, Map.of("body", "سيُحذف")).statusCode(201).extract().jsonPath().getLong("id");
            Api.as(reader).delete("/api/v1/comments/{id}", deleted).then().statusCode(204);
            long writer = Db.userId(writerSubject);
            given().header("Authorization", "Bearer " + moderator).contentType("application/json").body(Map.of("reason", "إساءة متكررة"))
                    .post("/api/v1/moderation/users/{u}/ban", writer).then().statusCode(200);
            given().header("Authorization", "Bearer " + moderator).delete("/api/v1/moderation/users/{u}/ban", writer).then().statusCode(200);
            given().header("Authorization", "Bearer " + moderator).contentType("application/json").body(Map.of("open", false))
                    .put("/api/v1/moderation/articles/{a}", article).then().statusCode(200);

            Predicate<Received> mine = about(article).or(r -> r.body().matches("(?s).*\"user\":\\{[^}]*\"id\":" + writer + "[,}].*"));
            List<String> all = List.of("comment.created", "comment.published", "comment.held", "comment.rejected", "comment.edited",
                    "comment.deleted", "comment.reported", "comment.hidden", "user.banned", "user.unbanned", "article.closed");
            List<Received> got = List.of();
            long deadline = System.currentTimeMillis() + 15_000;
            while (System.currentTimeMillis() < deadline
                    && !got.stream().map(r -> r.json().getString("type")).toList().containsAll(all)) {
                Thread.sleep(200);
                got = receiver.received().stream().filter(mine).toList();
            }
            List<String> types = got.stream().map(r -> r.json().getString("type")).toList();
            for (String expected : all) {
                assertTrue(types.contains(expected), expected + " missing from " + types);
            }
            Received decision = got.stream().filter(r -> r.json().getString("type").equals("comment.published")
                    && r.json().getJsonObject("data").containsKey("decision")).findFirst().orElseThrow();
            assertEquals("approve", decision.json().getJsonObject("data").getJsonObject("decision").getString("action"));
            Received report = got.stream().filter(r -> r.json().getString("type").equals("comment.reported")).findFirst().orElseThrow();
            assertEquals("spam", report.json().getJsonObject("data").getJsonObject("report").getString("reason"));
            assertTrue(!report.body().contains("reporter"), "a report never names its reporter");
        }
    }

    @Inject
    QueueAlerts alerts;

    @Inject
    Deliveries deliveries;

    @Test
    void settledEventsPastTheRetentionArePurgedAndPendingOnesStay() throws Exception {
        try (Receiver receiver = Receiver.start()) {
            receiver.answering((n, r) -> r.body().contains("يبقى") ? 500 : 200);
            long id = register(receiver.url("/purge"), List.of("comment.created")).getLong("endpoint.id");
            String article = Api.newArticle();
            Api.postId(reader, article, "يُحذف بعد المدة");
            Api.postId(reader, article, "يبقى لأنه لم يُسلَّم");
            receiver.await(about(article), 2, Duration.ofSeconds(10));
            Thread.sleep(500); // the delivered outcome is recorded
            Db.exec("update webhook_endpoints set enabled = false where id = ?1", id); // the failing one stays pending, not retried
            Thread.sleep(1500); // an attempt already under way settles first (the test profile's timeout is 2 s, its receiver answers at once)
            Db.exec("update webhook_events set created_at = now() - interval '31 days' where payload like ?1", "%" + article + "%");
            deliveries.purge();
            List<?> left = Db.list("select payload from webhook_events where payload like ?1", "%" + article + "%");
            assertEquals(1, left.size(), "the delivered event went, the failing one stays");
            assertTrue(left.get(0).toString().contains("يبقى"));
            assertEquals(1, asAdmin().get("/api/v1/admin/webhooks/{id}/deliveries", id).then().statusCode(200).extract().jsonPath()
                    .getList("items").size());
        }
    }

    @Test
    void aGrowingQueueAlertsOncePerWindowHoweverManyInstancesLook() throws Exception {
        try (Receiver receiver = Receiver.start()) {
            long id = register(receiver.url("/alerts"), List.of("queue.alert")).getLong("endpoint.id");
            String article = Api.newArticle();
            Api.postId(reader, article, "قبل التعليق المعلّق");
            given().header("Authorization", "Bearer " + moderator).contentType("application/json").body(Map.of("premoderation", true))
                    .put("/api/v1/moderation/articles/{a}", article).then().statusCode(200);
            Api.post(Tokens.reader(Tokens.newSubject()), article, Map.of("body", "ينتظر المراجعة")).statusCode(201);
            java.time.Instant now = java.time.Instant.now();
            assertTrue(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> alerts.check(now)), "past the test's threshold of 1");
            assertTrue(!io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> alerts.check(now)),
                    "a second look in the same window, as another instance's, writes nothing");
            List<Received> got = receiver.await(r -> r.json().getString("type").equals("queue.alert"), 1, Duration.ofSeconds(10));
            assertEquals(1, got.size());
            assertTrue(got.get(0).json().getJsonObject("data").getLong("pending") >= 1);
            Thread.sleep(1000);
            assertEquals(1, receiver.received().size(), "one alert per window");
        }
    }

    @Test
    void aPromotedModelIsAnnounced() throws Exception {
        try (Receiver receiver = Receiver.start()) {
            long id = register(receiver.url("/models"), List.of("model.promoted")).getLong("endpoint.id");
            int active = asAdmin().get("/api/v1/admin/models").then().statusCode(200).extract().jsonPath()
                    .getInt("find { it.active }.version");
            asAdmin().body(Map.of("version", active)).put("/api/v1/admin/models/active").then().statusCode(200);
            Received r = receiver.await(x -> true, 1, Duration.ofSeconds(10)).get(0);
            assertEquals("model.promoted", r.json().getString("type"));
            assertEquals(active, r.json().getJsonObject("data").getJsonObject("model").getInteger("version"));
            assertEquals(false, r.json().getJsonObject("data").getJsonObject("model").getBoolean("trained"));
        }
    }

    @Test
    void anArticleTheSurgeAutopilotMovesIsAnnounced() throws Exception {
        try (Receiver receiver = Receiver.start()) {
            register(receiver.url("/surge"), List.of("article.surge"));
            String article = com.hiwar.support.Api.newArticle();
            com.hiwar.support.Api.postId(admin, article, "تغطية مباشرة");
            asAdmin().body(Map.of("pin", "held")).put("/api/v1/moderation/surge/{a}", article).then().statusCode(200);
            Received r = receiver.await(about(article), 1, Duration.ofSeconds(10)).get(0);
            assertEquals("article.surge", r.json().getString("type"));
            JsonObject data = r.json().getJsonObject("data");
            assertEquals(List.of("normal", "held", "pinned to held"), List.of(data.getString("from"), data.getString("to"),
                    data.getString("trigger")));
            asAdmin().body(Map.of("pin", "normal")).put("/api/v1/moderation/surge/{a}", article).then().statusCode(200);
            receiver.await(x -> x.body().contains("\"to\":\"normal\""), 1, Duration.ofSeconds(10));
        }
    }

    @Test
    void anEventNobodyWantsIsNotWritten() {
        long id = register("http://127.0.0.1:9/never", List.of("user.unbanned")).getLong("endpoint.id");
        String article = Api.newArticle();
        Api.postId(reader, article, "لا أحد يريد هذا الحدث");
        assertEquals(0L, ((Number) Db.scalar("select count(*) from webhook_events where payload like ?1", "%\"" + article + "\"%")).longValue(),
                "no comment event is built or written when no endpoint wants one");
    }

    @Test
    void targetsInsideTheNetworkOrWithoutHttpsAreRefused() throws Exception {
        for (String url : List.of("http://localhost:8080/x", "https://10.1.2.3/x", "http://169.254.169.254/latest/meta-data",
                "https://[::1]/x", "https://[fd00::1]/x", "https://100.64.0.1/x", "https://0.0.0.0/x", "ftp://127.0.0.1/x",
                "https://user:pw@example.com/x", "https://no-such-host.invalid/x", "not a url", "/relative")) {
            asAdmin().body(Map.of("url", url, "eventTypes", List.of("comment.created"))).post("/api/v1/admin/webhooks")
                    .then().statusCode(422).contentType("application/problem+json");
        }
        asAdmin().body(Map.of("url", "http://127.0.0.1:9/x", "eventTypes", List.of("comment.nonsense"))).post("/api/v1/admin/webhooks")
                .then().statusCode(422).contentType("application/problem+json");
        asAdmin().body(Map.of("url", "http://127.0.0.1:9/x", "eventTypes", List.of())).post("/api/v1/admin/webhooks")
                .then().statusCode(422);
        assertTrue(UrlPolicy.internal(java.net.InetAddress.getByName("::ffff:10.0.0.1")), "IPv4-mapped private addresses");
        assertTrue(UrlPolicy.internal(java.net.InetAddress.getByName("64:ff9b::a9fe:a9fe")), "NAT64 of the metadata address");
        assertTrue(!UrlPolicy.internal(java.net.InetAddress.getByName("93.184.215.14")), "a public address");
    }

    @Test
    void onlyAdminsManageWebhooksAndChangesNeedTheCurrentVersion() throws Exception {
        given().header("Authorization", "Bearer " + reader).get("/api/v1/admin/webhooks").then().statusCode(403);
        given().header("Authorization", "Bearer " + moderator).get("/api/v1/admin/webhooks").then().statusCode(403);
        given().get("/api/v1/admin/webhooks").then().statusCode(401);
        JsonPath created = register("http://127.0.0.1:9/versioned", List.of("user.banned"));
        long id = created.getLong("endpoint.id");
        int version = created.getInt("endpoint.version");
        asAdmin().body(Map.of("url", "http://127.0.0.1:9/v2", "eventTypes", List.of("user.banned", "user.unbanned"), "enabled", false,
                "version", version)).put("/api/v1/admin/webhooks/{id}", id).then().statusCode(200);
        asAdmin().body(Map.of("url", "http://127.0.0.1:9/v3", "eventTypes", List.of("user.banned"), "version", version))
                .put("/api/v1/admin/webhooks/{id}", id).then().statusCode(409).contentType("application/problem+json");
        JsonPath now = asAdmin().get("/api/v1/admin/webhooks/{id}", id).then().statusCode(200).extract().jsonPath();
        assertEquals("http://127.0.0.1:9/v2", now.getString("url"));
        assertEquals(false, now.getBoolean("enabled"));
        asAdmin().delete("/api/v1/admin/webhooks/{id}", id).then().statusCode(204);
        asAdmin().get("/api/v1/admin/webhooks/{id}", id).then().statusCode(404).contentType("application/problem+json");
        asAdmin().body("{\"url\": ").post("/api/v1/admin/webhooks").then().statusCode(400).contentType("application/problem+json");
    }
}
