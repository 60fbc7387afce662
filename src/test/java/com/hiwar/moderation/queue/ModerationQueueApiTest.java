package com.hiwar.moderation.queue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hiwar.support.Api;
import com.hiwar.support.Db;
import com.hiwar.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The moderator dashboard API: roles, queues, decisions without races, claims, users, articles, audit, counts, stats. */
@QuarkusTest
class ModerationQueueApiTest {

    private static final String M = "/api/v1/moderation";

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    /** A pre-moderated article whose comments all wait in the pending queue. */
    private static String premoderatedArticle() {
        String article = Api.newArticle();
        Api.postId(Tokens.moderator(Tokens.newSubject()), article, "افتتاح");
        Db.exec("update articles set premoderated = true, title = 'عنوان المقال' where id = ?1", article);
        return article;
    }

    private static int version(long id) {
        return Db.version(id);
    }

    private static Map<String, Object> decision(String action, long id, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("action", action);
        body.put("version", version(id));
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }

    @Test
    void everyEndpointRefusesReadersAndAnonymousCallers() {
        String reader = Tokens.reader(Tokens.newSubject());
        String mod = Tokens.moderator(Tokens.newSubject());
        List<String[]> endpoints = List.of(
                new String[] {"GET", M + "/queues/pending"}, new String[] {"GET", M + "/counts"},
                new String[] {"POST", M + "/comments/1/decision"}, new String[] {"POST", M + "/decisions"},
                // A user who does not exist: user 1 may be staff, whom moderators may not ban (403).
                new String[] {"POST", M + "/queues/pending/claim"}, new String[] {"GET", M + "/users/987654321"},
                new String[] {"POST", M + "/users/987654321/ban"}, new String[] {"DELETE", M + "/users/987654321/ban"},
                new String[] {"PUT", M + "/users/987654321"}, new String[] {"POST", M + "/users/987654321/notes"},
                new String[] {"GET", M + "/articles/x"}, new String[] {"PUT", M + "/articles/x"},
                new String[] {"GET", M + "/audit"}, new String[] {"GET", M + "/stats"});
        for (String[] e : endpoints) {
            given().contentType(ContentType.JSON).body("{}").request(e[0], e[1]).then()
                    .statusCode(401).contentType("application/problem+json");
            as(reader).body("{}").request(e[0], e[1]).then().statusCode(403).contentType("application/problem+json");
            int status = as(mod).body("{}").request(e[0], e[1]).then().extract().statusCode();
            assertTrue(status != 401 && status != 403 && status != 500, e[0] + " " + e[1] + " -> " + status);
        }
    }

    @Test
    void queuesFilterSearchAndPageWithEverythingAModeratorNeeds() {
        String mod = Tokens.moderator(Tokens.newSubject());
        String article = premoderatedArticle();
        String author = Tokens.reader(Tokens.newSubject());
        long parent = Api.postId(Tokens.moderator(Tokens.newSubject()), article, "سؤال للقراء");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(Api.replyId(author, article, parent, "رأي رقم " + i + (i == 3 ? " عن الحِمَار الوحشي" : "")));
        }
        JsonPath first = as(mod).get(M + "/queues/pending?articleId={a}&limit=3", article).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(ids.subList(0, 3), first.getList("items.id", Long.class), "oldest first");
        assertEquals("عنوان المقال", first.getString("items[0].article.title"));
        assertEquals("سؤال للقراء", first.getString("items[0].parent.body"));
        assertEquals("pre-moderation", first.getString("items[0].reasons[0].rule"));
        assertEquals(0, first.getInt("items[0].author.published"));
        JsonPath second = as(mod).get(M + "/queues/pending?articleId={a}&limit=3&cursor={c}", article, first.getString("nextCursor"))
                .then().statusCode(200).extract().jsonPath();
        assertEquals(ids.subList(3, 5), second.getList("items.id", Long.class));
        assertEquals(null, second.getString("nextCursor"));
        as(mod).get(M + "/queues/pending?articleId={a}&order=newest&limit=1", article).then()
                .body("items[0].id", equalTo(ids.get(4).intValue()));
        // Search ignores diacritics and letter variants on both sides.
        as(mod).get(M + "/queues/all?articleId={a}&q={q}", article, "حمار").then().body("items.id", equalTo(List.of(ids.get(3).intValue())));
        as(mod).get(M + "/queues/pending?rule=pre-moderation&articleId={a}", article).then().body("items.size()", equalTo(5));
        as(mod).get(M + "/queues/nope").then().statusCode(404);
        as(mod).get(M + "/queues/pending?cursor=%%%").then().statusCode(400);
    }

    @Test
    void decisionsUseVersionsAndFeaturedCommentsLeadTheReaderPage() {
        String mod = Tokens.moderator(Tokens.newSubject());
        String article = premoderatedArticle();
        long id = Api.postId(Tokens.reader(Tokens.newSubject()), article, "تعليق ينتظر");
        Map<String, Object> approve = decision("approve", id, null);
        as(mod).body(approve).post(M + "/comments/{id}/decision", id).then().statusCode(200).body("status", equalTo("published"));
        as(mod).body(approve).post(M + "/comments/{id}/decision", id).then().statusCode(409)
                .body("type", containsString("stale-version"));
        as(mod).body(Map.of("action", "reject", "version", version(id))).post(M + "/comments/{id}/decision", id)
                .then().statusCode(422);
        as(mod).body(decision("feature", id, null)).post(M + "/comments/{id}/decision", id).then().body("featured", equalTo(true));
        given().get("/api/v1/articles/{a}/comments", article).then().body("featured.id", equalTo(List.of((int) id)));
        as(mod).body(decision("reject", id, "spam")).post(M + "/comments/{id}/decision", id).then()
                .body("status", equalTo("rejected")).body("featured", equalTo(false));
        as(mod).body(decision("restore", id, null)).post(M + "/comments/{id}/decision", id).then()
                .body("status", equalTo("published"));
        as(mod).body(Map.of("action", "approve", "version", 0)).post(M + "/comments/{id}/decision", 999_999_999L)
                .then().statusCode(404);
    }

    @Test
    void ofConcurrentDecisionsExactlyOneWins() throws Exception {
        String article = premoderatedArticle();
        long id = Api.postId(Tokens.reader(Tokens.newSubject()), article, "قرار متنازع عليه");
        int v = version(id);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String mod = Tokens.moderator(Tokens.newSubject());
                String action = i % 2 == 0 ? "approve" : "reject";
                results.add(pool.submit(() -> {
                    start.await();
                    return as(mod).body(Map.of("action", action, "reason", "spam", "version", v))
                            .post(M + "/comments/{id}/decision", id).then().extract().statusCode();
                }));
            }
            start.countDown();
            int ok = 0;
            for (Future<Integer> r : results) {
                int status = r.get();
                ok += status == 200 ? 1 : 0;
                assertTrue(status == 200 || status == 409, "status " + status);
            }
            assertEquals(1, ok);
        } finally {
            pool.shutdown();
        }
        assertEquals(1L, ((Number) Db.scalar("select count(*) from moderation_audit where comment_id = ?1 and actor <> 'system'", id)).longValue());
    }

    @Test
    void bulkDecisionsReportEachItem() {
        String mod = Tokens.moderator(Tokens.newSubject());
        String article = premoderatedArticle();
        String reader = Tokens.reader(Tokens.newSubject());
        long a = Api.postId(reader, article, "أ");
        long b = Api.postId(reader, article, "ب");
        long c = Api.postId(reader, article, "ج");
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(Map.of("id", a, "action", "approve", "version", version(a)));
        items.add(Map.of("id", b, "action", "approve", "version", version(b) + 5));
        items.add(Map.of("id", 999_999_999L, "action", "approve", "version", 0));
        items.add(Map.of("id", c, "action", "explode", "version", version(c)));
        as(mod).body(Map.of("items", items)).post(M + "/decisions").then().statusCode(200)
                .body("status", equalTo(List.of(200, 409, 404, 422)))
                .body("[0].comment.status", equalTo("published"))
                .body("[1].problem.type", containsString("stale-version"));
        as(mod).body(Map.of("items", List.of())).post(M + "/decisions").then().statusCode(422);
    }

    @Test
    void parallelClaimsAreDisjointAndExpiredLeasesReturnToTheQueue() throws Exception {
        String article = premoderatedArticle();
        String reader = Tokens.reader(Tokens.newSubject());
        for (int i = 0; i < 30; i++) {
            Api.postId(reader, article, "للمراجعة " + i);
        }
        String[] mods = {Tokens.moderator("mod-a-" + article), Tokens.moderator("mod-b-" + article), Tokens.moderator("mod-c-" + article)};
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Set<Long>> batches = new ArrayList<>();
        try {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (String mod : mods) {
                futures.add(pool.submit(() -> as(mod).post(M + "/queues/pending/claim?articleId={a}&limit=10", article)
                        .then().statusCode(200).extract().jsonPath().getList("id", Long.class)));
            }
            for (var f : futures) {
                batches.add(new HashSet<>(f.get()));
            }
        } finally {
            pool.shutdown();
        }
        Set<Long> all = new HashSet<>();
        batches.forEach(all::addAll);
        assertEquals(30, all.size(), "three batches of 10, no comment twice");
        // Nothing is left to claim while the leases run.
        as(mods[0]).post(M + "/queues/pending/claim?articleId={a}", article).then().body("size()", equalTo(10));
        String other = Tokens.moderator(Tokens.newSubject());
        as(other).post(M + "/queues/pending/claim?articleId={a}", article).then().body("size()", equalTo(0));
        long claimedByB = batches.get(1).iterator().next();
        as(other).body(decision("approve", claimedByB, null)).post(M + "/comments/{id}/decision", claimedByB)
                .then().statusCode(409).body("type", containsString("claimed"));
        Db.exec("update comments set claim_expires_at = now() - interval '1 second' where article_id = ?1 and claimed_by = ?2",
                article, "mod-b-" + article);
        List<Long> reclaimed = as(other).post(M + "/queues/pending/claim?articleId={a}", article).then().extract()
                .jsonPath().getList("id", Long.class);
        assertEquals(batches.get(1), new HashSet<>(reclaimed));
    }

    @Test
    void aBanAndATrustChangeMadeAtOnceBothStick() throws Exception {
        // Each change reads the account and writes it back: without a row lock and column-wise
        // updates, the later write restored the column the earlier one had changed.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                String subject = Tokens.newSubject();
                Api.postId(Tokens.reader(subject), Api.newArticle(), "حساب يتغير من جهتين");
                long userId = ((Number) Db.scalar("select id from users where subject = ?1", subject)).longValue();
                CountDownLatch start = new CountDownLatch(1);
                Future<Integer> trust = pool.submit(() -> {
                    start.await();
                    return as(Tokens.moderator(Tokens.newSubject())).body(Map.of("trusted", true)).put(M + "/users/{u}", userId)
                            .then().extract().statusCode();
                });
                Future<Integer> ban = pool.submit(() -> {
                    start.await();
                    return as(Tokens.moderator(Tokens.newSubject())).body(Map.of("reason", "abuse")).post(M + "/users/{u}/ban", userId)
                            .then().extract().statusCode();
                });
                start.countDown();
                assertEquals(200, trust.get());
                assertEquals(200, ban.get());
                assertEquals("banned", Db.scalar("select status from users where id = ?1", userId), "round " + round);
                assertEquals(true, Db.scalar("select trusted from users where id = ?1", userId), "round " + round);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aBanBitesOnTheNextRequestAndCanRejectEverything() {
        String mod = Tokens.moderator(Tokens.newSubject());
        String subject = Tokens.newSubject();
        String reader = Tokens.reader(subject);
        String article = Api.newArticle();
        long first = Api.postId(reader, article, "قبل الحظر");
        long userId = ((Number) Db.scalar("select id from users where subject = ?1", subject)).longValue();
        as(mod).body(Map.of("rejectComments", true, "reason", "spam wave")).post(M + "/users/{u}/ban", userId).then()
                .statusCode(200).body("status", equalTo("banned")).body("comments.rejected", equalTo(1));
        Api.post(reader, article, Map.of("body", "بعد الحظر")).statusCode(403).body("type", containsString("user-banned"));
        assertEquals("rejected", Db.scalar("select status from comments where id = ?1", first));
        as(mod).delete(M + "/users/{u}/ban", userId).then().statusCode(200).body("status", equalTo("active"));
        Api.post(reader, article, Map.of("body", "بعد رفع الحظر")).statusCode(201);
        // Trust, pre-moderation and notes.
        as(mod).body(Map.of("premoderated", true)).put(M + "/users/{u}", userId).then().body("premoderated", equalTo(true));
        Api.post(reader, article, Map.of("body", "مراقب")).statusCode(201).body("status", equalTo("pending"));
        as(mod).body(Map.of("premoderated", false, "trusted", true)).put(M + "/users/{u}", userId).then().body("trusted", equalTo(true));
        Api.post(reader, article, Map.of("body", "يا أخي الكريم")).statusCode(201).body("status", equalTo("published"));
        // Trusted readers skip the word lists; the model still holds them, but never rejects them.
        Api.post(reader, article, Map.of("body", "يا حمار")).statusCode(201).body("status", equalTo("pending"));
        as(mod).body(Map.of("body", "حساب قديم، كان يكتب بعقلانية")).post(M + "/users/{u}/notes", userId).then()
                .body("notes[0].body", containsString("بعقلانية"));
        as(mod).get(M + "/users/{u}", userId).then().statusCode(200)
                .body("decisions.action", hasItem("ban")).body("decisions.action", hasItem("unban"));
        as(mod).body(Map.of("until", "2000-01-01T00:00:00Z")).post(M + "/users/{u}/ban", userId).then().statusCode(422);
        as(mod).get(M + "/users/999999999").then().statusCode(404);
    }

    @Test
    void articlesOpenCloseAutoCloseAndPremoderate() {
        String mod = Tokens.moderator(Tokens.newSubject());
        String reader = Tokens.reader(Tokens.newSubject());
        String article = Api.newArticle();
        Api.postId(reader, article, "أول");
        as(mod).body(Map.of("open", false)).put(M + "/articles/{a}", article).then().statusCode(200).body("open", equalTo(false));
        Api.post(reader, article, Map.of("body", "مغلق")).statusCode(409).body("type", containsString("article-closed"));
        as(mod).body(Map.of("open", true, "closesAt", "2001-01-01T00:00:00Z")).put(M + "/articles/{a}", article).then().statusCode(200);
        Api.post(reader, article, Map.of("body", "انتهت المدة")).statusCode(409);
        given().get("/api/v1/articles/{a}/comments", article).then().body("article.open", equalTo(false));
        as(mod).body(Map.of("clearClosesAt", true, "premoderation", true)).put(M + "/articles/{a}", article).then()
                .body("premoderation", equalTo(true)).body("counts.published", equalTo(1));
        Api.post(reader, article, Map.of("body", "ينتظر")).statusCode(201).body("status", equalTo("pending"));
        as(mod).get(M + "/articles/{a}", article).then().body("counts.pending", equalTo(1));
        as(mod).get(M + "/audit?articleId={a}", article).then().body("entries.action", hasItem("article-settings"));
    }

    @Test
    void everyStatusChangeIsInTheAuditLogAsAChain() {
        String mod = Tokens.moderator(Tokens.newSubject());
        String article = premoderatedArticle();
        String reader = Tokens.reader(Tokens.newSubject());
        long id = Api.postId(reader, article, "سلسلة");
        for (String[] step : new String[][] {{"approve", null}, {"reject", "abuse"}, {"restore", null}, {"reject", "spam"}, {"approve", null}}) {
            as(mod).body(decision(step[0], id, step[1])).post(M + "/comments/{id}/decision", id).then().statusCode(200);
        }
        Api.as(reader).body(Map.of("body", "عدلت النص")).patch("/api/v1/comments/{id}", id).then().statusCode(200);
        Api.as(reader).delete("/api/v1/comments/{id}", id).then().statusCode(204);
        List<Map<String, Object>> chain = as(mod).get(M + "/audit?commentId={c}&limit=200", id).then().statusCode(200)
                .extract().jsonPath().getList("entries.findAll { it.statusAfter != null }");
        java.util.Collections.reverse(chain);
        assertEquals("create", chain.get(0).get("action"));
        assertEquals("system", chain.get(0).get("actor"));
        // Its reason is the rule that held it, which the trigger reads from the new row.
        assertEquals("pre-moderation", chain.get(0).get("reason"));
        for (int i = 1; i < chain.size(); i++) {
            assertEquals(chain.get(i - 1).get("statusAfter"), chain.get(i).get("statusBefore"), "chain breaks at " + chain.get(i));
        }
        assertEquals("deleted", chain.get(chain.size() - 1).get("statusAfter"));
        // The edit on this pre-moderated article sends it back for review; the author deletes it.
        assertEquals(List.of("create", "approve", "reject", "restore", "reject", "approve", "edit", "delete"),
                chain.stream().map(e -> e.get("action")).toList());
        assertEquals("spam", chain.get(4).get("reason"));
    }

    @Test
    void countsStayExactAfterThousandsOfRandomTransitions() throws Exception {
        String article = Api.newArticle();
        long anyId = Api.postId(Tokens.reader(Tokens.newSubject()), article, "بذرة");
        long author = ((Number) Db.scalar("select author_id from comments where id = ?1", anyId)).longValue();
        Db.exec("""
                insert into comments (article_id, author_id, depth, status, body, dir, created_at)
                select ?1, ?2, 0, 'pending', 'نص ' || g, 'rtl', now() from generate_series(1, 300) g""", article, author);
        List<Long> ids = new ArrayList<>();
        for (Object o : (List<?>) Db.list("select id from comments where article_id = ?1", article)) {
            ids.add(((Number) o).longValue());
        }
        String[] statuses = {"published", "pending", "rejected", "deleted"};
        // Eight writers moving comments between queues at once: the counters must neither drift nor deadlock.
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int seed = t;
                work.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    for (int i = 0; i < 375; i++) {
                        long id = ids.get(random.nextInt(ids.size()));
                        Db.exec("update comments set status = ?1, open_reports = ?2 where id = ?3",
                                statuses[random.nextInt(4)], random.nextInt(3) == 0 ? random.nextInt(3) : 0, id);
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        Map<String, Object> recount = new HashMap<>();
        for (Object row : (List<?>) Db.list("select moderation_queue(status, open_reports), count(*) from comments group by 1")) {
            Object[] r = (Object[]) row;
            recount.put((String) r[0], ((Number) r[1]).longValue());
        }
        Map<String, Object> counters = new HashMap<>();
        for (Object row : (List<?>) Db.list("select queue, sum(n) from moderation_counts group by queue having sum(n) <> 0")) {
            Object[] r = (Object[]) row;
            counters.put((String) r[0], ((Number) r[1]).longValue());
        }
        assertEquals(recount, counters);
        String mod = Tokens.moderator(Tokens.newSubject());
        JsonPath counts = as(mod).get(M + "/counts").then().statusCode(200).extract().jsonPath();
        assertEquals(((Number) recount.getOrDefault("pending", 0L)).longValue(), counts.getLong("pending"));
        assertEquals(((Number) recount.getOrDefault("reported", 0L)).longValue(), counts.getLong("reported"));
        assertNotEquals(0, counts.getLong("all"));
    }

    @Test
    void statsShowQueuesAgesAndDecisionsPerModerator() {
        String subject = Tokens.newSubject();
        String mod = Tokens.moderator(subject);
        String article = premoderatedArticle();
        long id = Api.postId(Tokens.reader(Tokens.newSubject()), article, "إحصاء");
        as(mod).body(decision("approve", id, null)).post(M + "/comments/{id}/decision", id).then().statusCode(200);
        JsonPath stats = as(mod).get(M + "/stats").then().statusCode(200).extract().jsonPath();
        assertTrue(stats.getMap("queues").containsKey("pending"));
        assertEquals(1, stats.getInt("decisionsPerModeratorPerDay.find { it.moderator == '" + subject + "' }.decisions"));
        assertTrue(stats.getDouble("medianSecondsToDecision") >= 0);
    }
}
