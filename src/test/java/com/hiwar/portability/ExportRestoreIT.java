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

    static final String SOURCE = "hiwar_export_it", TARGET = "hiwar_restore_it";

    @Test
    void anExportRestoredIntoAnEmptyDatabaseGivesTheSameSite() throws Exception {
        FreshDatabase.recreate(SOURCE);
        FreshDatabase.recreate(TARGET);
        String admin = Tokens.admin(Tokens.newSubject());
        String moderator = Tokens.moderator(Tokens.newSubject());
        String export;
        Map<String, String> settings = FreshDatabase.settings(SOURCE, 9);
        settings.put("hiwar.moderation.new-commenter-pending", "0");
        try (JarInstance a = JarInstance.start("export", settings)) {
            String reader = Tokens.reader(Tokens.newSubject()), other = Tokens.reader(Tokens.newSubject());
            long first = a.post(reader, "art-one", "أول تعليق على المقال");
            given().baseUri(a.base()).header("Authorization", "Bearer " + other).contentType("application/json")
                    .body(Map.of("body", "رد على التعليق الأول", "parentId", first)).post("/api/v1/articles/art-one/comments")
                    .then().statusCode(201);
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
            // Imported guests, spam, trash and a deep thread too.
            WordPressImportTest.Site site = WordPressImportTest.site(5, "");
            long job = given().baseUri(a.base()).header("Authorization", "Bearer " + admin).contentType("application/xml")
                    .body(site.xml().getBytes(StandardCharsets.UTF_8)).post("/api/v1/admin/imports").then().statusCode(202)
                    .extract().jsonPath().getLong("id");
            awaitDone(a, admin, job);

            export = given().baseUri(a.base()).header("Authorization", "Bearer " + admin).get("/api/v1/admin/export").then()
                    .statusCode(200).contentType("application/x-ndjson").extract().asString();
        }
        List<io.vertx.core.json.JsonObject> lines = export.lines().map(io.vertx.core.json.JsonObject::new).toList();
        assertEquals("hiwar-ndjson", lines.get(0).getString("format"), lines.get(0).encode());
        java.util.Set<Object> types = lines.stream().map(o -> o.getValue("type")).collect(java.util.stream.Collectors.toSet());
        for (String type : List.of("article", "user", "comment", "decision", "audit")) {
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
            assertEquals(0, awaitDone(b, admin, again).getLong("created"));
        }
        for (String query : List.of(
                "select article_id || ' ' || status || ' ' || count(*) from comments group by article_id, status order by 1",
                "select c.status || ' ' || c.body || ' <- ' || coalesce(p.body, '-') || ' ' || c.depth from comments c "
                        + "left join comments p on p.id = c.parent_id order by 1",
                "select coalesce(u.subject, 'guest ' || c.guest_name) || ' ' || c.body from comments c left join users u on u.id = c.author_id order by 1",
                "select c.body || ' ' || c.created_at from comments c order by 1",
                "select id || ' ' || published_count || ' ' || open || ' ' || coalesce(url, '-') || ' ' || coalesce(title, '-') from articles order by 1",
                "select queue || ' ' || sum(n) from moderation_counts group by queue having sum(n) <> 0 order by 1")) {
            assertEquals(rows(SOURCE, query), rows(TARGET, query), query);
        }
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
