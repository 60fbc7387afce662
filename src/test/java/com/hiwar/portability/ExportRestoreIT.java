package com.hiwar.portability;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hiwar.support.FreshDatabase;
import com.hiwar.support.JarInstance;
import com.hiwar.support.Tokens;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * No lock-in, proven on the packaged jar: a site with comments in every status, threads,
 * accounts and imported guests is exported as NDJSON, and the export imported into an empty
 * database gives the same comments, threads, authors and counts.
 */
class ExportRestoreIT {

    static final String SOURCE = "hiwar_export_it", TARGET = "hiwar_restore_it", WORDPRESS = "hiwar_wxr_it";

    @Test
    void anExportRestoredIntoAnEmptyDatabaseGivesTheSameSite() throws Exception {
        FreshDatabase.recreate(SOURCE);
        FreshDatabase.recreate(TARGET);
        FreshDatabase.recreate(WORDPRESS);
        String admin = Tokens.admin(Tokens.newSubject());
        String moderator = Tokens.moderator(Tokens.newSubject());
        String export, wxr;
        Map<String, String> settings = FreshDatabase.settings(SOURCE, 9);
        settings.put("hiwar.moderation.new-commenter-pending", "0");
        settings.put("hiwar.reports.threshold", "1");
        try (JarInstance a = JarInstance.start("export", settings)) {
            String reader = Tokens.reader(Tokens.newSubject()), other = Tokens.reader(Tokens.newSubject());
            long first = a.post(reader, "art-one", "أول تعليق على المقال");
            long reply = given().baseUri(a.base()).header("Authorization", "Bearer " + other).contentType("application/json")
                    .body(Map.of("body", "رد على التعليق الأول", "parentId", first)).post("/api/v1/articles/art-one/comments")
                    .then().statusCode(201).extract().jsonPath().getLong("id");
            long rejected = a.post(other, "art-one", "تعليق سيرفضه المشرف");
            int version = given().baseUri(a.base()).header("Authorization", "Bearer " + moderator)
                    .get("/api/v1/moderation/queues/all?articleId=art-one").then().statusCode(200).extract().jsonPath()
                    .getInt("items.find { it.id == " + rejected + " }.version");
            given().baseUri(a.base()).header("Authorization", "Bearer " + moderator).contentType("application/json")
                    .body(Map.of("action", "reject", "reason", "off-topic", "version", version))
                    .post("/api/v1/moderation/comments/{id}/decision", rejected).then().statusCode(200);
            long deleted = a.post(reader, "art-one", "تعليق سيحذفه صاحبه");
            given().baseUri(a.base()).header("Authorization", "Bearer " + reader).delete("/api/v1/comments/{id}", deleted)
                    .then().statusCode(anyOf2xx());
            a.post(other, "art-two", "تعليق قبل المراجعة المسبقة");
            given().baseUri(a.base()).header("Authorization", "Bearer " + moderator).contentType("application/json")
                    .body(Map.of("premoderation", true)).put("/api/v1/moderation/articles/art-two").then().statusCode(200);
            a.post(reader, "art-two", "تعليق ينتظر المراجعة");
            // Likes, an open report (hiding at the threshold of 1 here) and a settled one, a featured
            // comment, a banned and a trusted reader, an article set up before any comment.
            String third = Tokens.reader(Tokens.newSubject());
            for (String liker : List.of(other, third)) {
                given().baseUri(a.base()).header("Authorization", "Bearer " + liker).put("/api/v1/comments/{id}/like", first).then().statusCode(200);
            }
            long reported = a.post(Tokens.reader(Tokens.newSubject()), "art-one", "تعليق سيبلغ عنه قارئ");
            given().baseUri(a.base()).header("Authorization", "Bearer " + third).contentType("application/json")
                    .body(Map.of("reason", "abuse", "note", "إساءة")).post("/api/v1/comments/{id}/reports", reported).then().statusCode(201);
            given().baseUri(a.base()).header("Authorization", "Bearer " + third).contentType("application/json")
                    .body(Map.of("reason", "spam")).post("/api/v1/comments/{id}/reports", first).then().statusCode(201);
            decide(a, moderator, "art-one", first, "approve");
            decide(a, moderator, "art-one", first, "feature");
            long otherId = given().baseUri(a.base()).get("/api/v1/comments/{id}", reply).then().extract().jsonPath().getLong("author.id");
            given().baseUri(a.base()).header("Authorization", "Bearer " + moderator).contentType("application/json")
                    .body(Map.of("reason", "abuse", "until", "2099-01-01T00:00:00Z")).post("/api/v1/moderation/users/{u}/ban", otherId)
                    .then().statusCode(200);
            long readerId = given().baseUri(a.base()).get("/api/v1/comments/{id}", first).then().extract().jsonPath().getLong("author.id");
            given().baseUri(a.base()).header("Authorization", "Bearer " + moderator).contentType("application/json")
                    .body(Map.of("trusted", true)).put("/api/v1/moderation/users/{u}", readerId).then().statusCode(200);
            given().baseUri(a.base()).header("Authorization", "Bearer " + moderator).contentType("application/json")
                    .body(Map.of("open", false, "section", "culture")).put("/api/v1/moderation/articles/art-empty").then().statusCode(200);
            // Imported guests, spam, trash and a deep thread too.
            WordPressImportTest.Site site = WordPressImportTest.site(5, "");
            long job = given().baseUri(a.base()).header("Authorization", "Bearer " + admin).contentType("application/xml")
                    .body(site.xml().getBytes(StandardCharsets.UTF_8)).post("/api/v1/admin/imports").then().statusCode(202)
                    .extract().jsonPath().getLong("id");
            awaitDone(a, admin, job);

            export = given().baseUri(a.base()).header("Authorization", "Bearer " + admin).get("/api/v1/admin/export").then()
                    .statusCode(200).contentType("application/x-ndjson").extract().asString();
            wxr = given().baseUri(a.base()).header("Authorization", "Bearer " + admin).get("/api/v1/admin/export?format=wxr").then()
                    .statusCode(200).extract().asString();
        }
        List<io.vertx.core.json.JsonObject> lines = export.lines().map(io.vertx.core.json.JsonObject::new).toList();
        assertEquals("hiwar-ndjson", lines.get(0).getString("format"), lines.get(0).encode());
        java.util.Set<Object> types = lines.stream().map(o -> o.getValue("type")).collect(java.util.stream.Collectors.toSet());
        for (String type : List.of("article", "user", "comment", "like", "report", "decision", "audit")) {
            assertTrue(types.contains(type), "the export has " + type + "s: " + types);
        }
        for (String secret : List.of("guest.secret@mail.example", "mona@reader.example", "203.0.113.7")) {
            assertFalse(export.contains(secret), "no email or IP address: " + secret);
        }

        try (JarInstance b = JarInstance.start("restore", FreshDatabase.settings(TARGET, 9))) {
            JsonPath started = given().baseUri(b.base()).header("Authorization", "Bearer " + admin).contentType("application/x-ndjson")
                    .body(export.getBytes(StandardCharsets.UTF_8)).post("/api/v1/admin/imports").then().statusCode(202)
                    .extract().jsonPath();
            assertEquals("ndjson", started.getString("format"), "told by its first line");
            JsonPath done = awaitDone(b, admin, started.getLong("id"));
            assertEquals(0, done.getLong("failed"), done.prettify());
            // Again: nothing new.
            long again = given().baseUri(b.base()).header("Authorization", "Bearer " + admin).contentType("application/x-ndjson")
                    .body(export.getBytes(StandardCharsets.UTF_8)).post("/api/v1/admin/imports").then().statusCode(202)
                    .extract().jsonPath().getLong("id");
            JsonPath second = awaitDone(b, admin, again);
            assertEquals(0, second.getLong("created"));
            assertEquals(0, second.getLong("restored.likes"), "likes are not given twice");
            assertEquals(0, second.getLong("restored.reports"));
            assertEquals(0, second.getLong("restored.decisions"));
        }
        for (String query : List.of(
                "select article_id || ' ' || status || ' ' || count(*) from comments group by article_id, status order by 1",
                "select c.status || ' ' || c.body || ' <- ' || coalesce(p.body, '-') || ' ' || c.depth from comments c "
                        + "left join comments p on p.id = c.parent_id order by 1",
                "select coalesce(u.subject, 'guest ' || c.guest_name) || ' ' || c.body from comments c left join users u on u.id = c.author_id order by 1",
                "select c.body || ' ' || c.created_at from comments c order by 1",
                "select id || ' ' || article_published_count(id) || ' ' || open || ' ' || coalesce(url, '-') || ' ' || coalesce(title, '-') || ' '"
                        + " || premoderated || ' ' || coalesce(section, '-') || ' ' || coalesce(closes_at::text, '-') || ' ' || created_at from articles order by 1",
                "select subject || ' ' || coalesce(display_name, '-') || ' ' || status || ' ' || coalesce(banned_until::text, '-') || ' ' || trusted"
                        + " || ' ' || premoderated || ' ' || created_at from users"
                        + " where not 'admin' = any(staff_groups) order by 1", // the restoring admin signed in first: their account is older there
                "select c.body || ' ' || c.featured || ' ' || c.hidden || ' ' || c.like_count || ' ' || c.open_reports || ' ' || c.report_score"
                        + " || ' ' || coalesce(c.edited_at::text, '-') || ' ' || coalesce(c.deleted_at::text, '-') from comments c order by 1",
                "select c.body || ' ' || u.subject || ' ' || l.created_at from comment_likes l join comments c on c.id = l.comment_id"
                        + " join users u on u.id = l.user_id order by 1",
                "select c.body || ' ' || coalesce(u.subject, '-') || ' ' || r.reason || ' ' || coalesce(r.note, '-') || ' ' || r.weight || ' '"
                        + " || r.created_at || ' ' || coalesce(r.resolution, 'open') from comment_reports r join comments c on c.id = r.comment_id"
                        + " left join users u on u.id = r.user_id order by 1",
                "select c.body || ' ' || d.version || ' ' || d.decision || ' ' || d.reasons::text || ' ' || coalesce(d.decided_by, '-') || ' '"
                        + " || d.created_at from moderation_decisions d join comments c on c.id = d.comment_id order by 1",
                "select queue || ' ' || sum(n) from moderation_counts group by queue having sum(n) <> 0 order by 1")) {
            assertEquals(rows(SOURCE, query), rows(TARGET, query), query);
        }

        // Back to WordPress' format and in again (as WordPress' importer reads it): the same
        // comments, threads, authors, dates and statuses, as near as WordPress' statuses come (a
        // rejection is spam there, a comment hidden by reports waits); articles are WordPress posts,
        // numbered as WordPress numbers them.
        try (JarInstance c = JarInstance.start("wxr", FreshDatabase.settings(WORDPRESS, 9))) {
            JsonPath job = given().baseUri(c.base()).header("Authorization", "Bearer " + admin).contentType("application/rss+xml")
                    .body(wxr.getBytes(StandardCharsets.UTF_8)).post("/api/v1/admin/imports").then().statusCode(202).extract().jsonPath();
            assertEquals("wxr", job.getString("format"));
            assertEquals(0, awaitDone(c, admin, job.getLong("id")).getLong("failed"));
        }
        for (String query : List.of(
                "select s || ' ' || count(*) from (select case when hidden then 'pending' else status end s from comments) c group by s order by 1",
                "select c.body || ' <- ' || coalesce(p.body, '-') || ' ' || c.depth from comments c left join comments p on p.id = c.parent_id order by 1",
                "select c.body || ' ' || coalesce(u.display_name, c.guest_name, '-') || ' ' || date_trunc('second', c.created_at) from comments c"
                        + " left join users u on u.id = c.author_id order by 1",
                "select open || ' ' || coalesce(title, '-') || ' ' || date_trunc('second', created_at) from articles order by 1")) {
            assertEquals(rows(SOURCE, query), rows(WORDPRESS, query), query);
        }
    }

    private static void decide(JarInstance a, String moderator, String article, long id, String action) {
        int version = given().baseUri(a.base()).header("Authorization", "Bearer " + moderator)
                .get("/api/v1/moderation/queues/all?articleId=" + article).then().statusCode(200).extract().jsonPath()
                .getInt("items.find { it.id == " + id + " }.version");
        given().baseUri(a.base()).header("Authorization", "Bearer " + moderator).contentType("application/json")
                .body(Map.of("action", action, "version", version)).post("/api/v1/moderation/comments/{id}/decision", id).then().statusCode(200);
    }

    private static org.hamcrest.Matcher<Integer> anyOf2xx() {
        return org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThanOrEqualTo(200)).and(org.hamcrest.Matchers.lessThan(300));
    }

    static JsonPath awaitDone(JarInstance instance, String admin, long job) throws InterruptedException {
        JsonPath view = null;
        for (int i = 0; i < 300; i++) {
            view = given().baseUri(instance.base()).header("Authorization", "Bearer " + admin)
                    .get("/api/v1/admin/imports/{id}", job).then().statusCode(200).extract().jsonPath();
            if (!"running".equals(view.getString("state"))) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals("done", view.getString("state"), view.prettify());
        return view;
    }

    static List<String> rows(String database, String query) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/" + database, "postgres", "");
             var r = c.createStatement().executeQuery(query)) {
            List<String> out = new ArrayList<>();
            while (r.next()) {
                out.add(r.getString(1));
            }
            return out;
        }
    }
}
