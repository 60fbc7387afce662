package com.hiwar.portability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hiwar.support.Db;
import com.hiwar.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Proven on a real WordPress (Debian's package, 6.1): src/test/wordpress/site.sh installs it on
 * its own MariaDB, writes posts, a registered reader, guests, a held comment, spam, trash, a
 * pingback and a thread ten deep through WordPress' own functions, and exports the site with
 * WordPress' own exporter. That file is imported here and compared, comment by comment, with
 * what WordPress' database holds.
 */
@QuarkusTest
class RealWordPressTest {

    @Test
    void aRealWordPressExportComesInFieldByField() throws Exception {
        com.hiwar.support.WordPressSite.installOrSkip();
        int run = ThreadLocalRandom.current().nextInt(1_000_000_000);
        long firstPost = ThreadLocalRandom.current().nextLong(10_000_000L, 2_000_000_000L);
        Path out = Path.of("target", "wordpress", "run-" + run);
        Process site = new ProcessBuilder("bash", "src/test/wordpress/site.sh", out.toString(), "news.example/run-" + run,
                Long.toString(firstPost)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
        assertTrue(site.waitFor(5, TimeUnit.MINUTES) && site.exitValue() == 0, "the WordPress site could not be made");
        JsonObject wordpress = new JsonObject(Files.readString(out.resolve("comments.json")));
        String xml = Files.readString(out.resolve("export.xml"));
        assertTrue(xml.contains("generator=\"WordPress/"), "WordPress' own exporter wrote it");

        JsonPath job = WordPressImportTest.imported(Tokens.admin(Tokens.newSubject()), xml);
        String k = "wp:" + wordpress.getString("site") + ":";
        long museum = wordpress.getJsonObject("posts").getLong("museum"), debate = wordpress.getJsonObject("posts").getLong("debate");
        assertEquals(wordpress.getJsonObject("permalinks").getString("museum"),
                Db.scalar("select url from articles where id = ?1", Long.toString(museum)), "the permalink");
        assertEquals("افتتاح المتحف الكبير", Db.scalar("select title from articles where id = ?1", Long.toString(museum)));
        assertEquals(false, Db.scalar("select open from articles where id = ?1", Long.toString(debate)), "comments closed");

        JsonArray comments = wordpress.getJsonArray("comments");
        Map<String, JsonObject> byId = new HashMap<>();
        comments.forEach(o -> byId.put(((JsonObject) o).getString("comment_ID"), (JsonObject) o));
        int compared = 0;
        for (Object o : comments) {
            JsonObject c = (JsonObject) o;
            String id = c.getString("comment_ID"), approved = c.getString("comment_approved");
            long count = ((Number) Db.scalar("select count(*) from comments where source_key = ?1", k + id)).longValue();
            if (approved.equals("spam") || c.getString("comment_type").equals("pingback")) {
                // WordPress' exporter leaves spam out; pingbacks are skipped by default.
                assertEquals(0L, count, id + " " + approved + " " + c.getString("comment_type"));
                continue;
            }
            assertEquals(1L, count, "comment " + id);
            Map<String, Object> row = WordPressImportTest.row(k + id);
            assertEquals(Map.of("1", "published", "0", "pending", "trash", "deleted").get(approved), row.get("status"), id);
            assertEquals(Importer.plainText(c.getString("comment_content")), row.get("body"), id);
            assertTrue(((String) row.get("created")).startsWith(c.getString("comment_date_gmt")), id + ": " + row.get("created"));
            long user = Long.parseLong(c.getString("user_id"));
            if (user > 0) {
                assertEquals("wp:" + user, row.get("subject"), id);
                assertNull(row.get("guest"), id);
            } else {
                assertEquals(c.getString("comment_author"), row.get("guest"), id);
                assertNull(row.get("subject"), id);
            }
            // The thread: WordPress' parent, or (below the deepest level here) the nearest ancestor at it.
            String parent = c.getString("comment_parent");
            int depth = 0;
            for (String p = parent; !p.equals("0"); p = byId.get(p).getString("comment_parent")) {
                depth++;
            }
            assertEquals(Math.min(depth, 3), row.get("depth"), id);
            String expectedParent = parent;
            for (int d = depth; d > 3; d--) {
                expectedParent = byId.get(expectedParent).getString("comment_parent");
            }
            assertEquals(parent.equals("0") ? null : k + expectedParent, row.get("parent"), id);
            compared++;
        }
        assertEquals(15, compared, "every exported comment but the pingback");
        assertEquals(16, job.getLong("read"));
        assertEquals(1, job.getInt("reasons.pingback"));
        assertEquals("خبر رائع، شكرًا للفريق & المحررين\nسطر ثانٍ",
                Db.scalar("select body from comments where guest_name = 'زائر كريم' and source_key like ?1", k + "%"));
        for (String secret : new String[] {"guest.secret@mail.example", "mona@reader.example", "203.0.113.7", "Mozilla/5.0"}) {
            assertEquals(0L, ((Number) Db.scalar("select count(*) from comments where source_key like ?1 and (body like ?2 or guest_name like ?2)",
                    k + "%", "%" + secret + "%")).longValue(), secret);
        }

        // Back out in WordPress' format: written in WordPress' own vocabulary, element by element,
        // with the same namespaces and version as the export WordPress' exporter wrote above.
        byte[] ours = io.restassured.RestAssured.given().header("Authorization", "Bearer " + Tokens.admin(Tokens.newSubject()))
                .get("/api/v1/admin/export?format=wxr").then().statusCode(200).extract().asByteArray();
        Map<String, java.util.Set<String>> theirs = vocabulary(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Map<String, java.util.Set<String>> written = vocabulary(ours);
        for (Map.Entry<String, java.util.Set<String>> e : written.entrySet()) {
            assertTrue(theirs.containsKey(e.getKey()), "WordPress writes <" + e.getKey() + "> too");
            java.util.Set<String> extra = new java.util.TreeSet<>(e.getValue());
            extra.removeAll(theirs.get(e.getKey()));
            assertTrue(extra.isEmpty(), "inside <" + e.getKey() + ">, WordPress' exporter never writes " + extra);
        }
        for (String element : new String[] {"rss", "channel", "item", "{http://wordpress.org/export/1.2/}comment"}) {
            assertTrue(written.containsKey(element), element);
        }
    }

    /** Which elements (namespace and name) each element contains, across the document. */
    static Map<String, java.util.Set<String>> vocabulary(byte[] xml) throws Exception {
        javax.xml.stream.XMLInputFactory f = javax.xml.stream.XMLInputFactory.newFactory();
        f.setProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD, false);
        javax.xml.stream.XMLStreamReader r = f.createXMLStreamReader(new java.io.ByteArrayInputStream(xml));
        Map<String, java.util.Set<String>> children = new HashMap<>();
        java.util.Deque<String> open = new java.util.ArrayDeque<>();
        while (r.hasNext()) {
            int event = r.next();
            if (event == javax.xml.stream.XMLStreamConstants.START_ELEMENT) {
                String name = r.getName().toString();
                if (!open.isEmpty()) {
                    children.computeIfAbsent(open.peek(), x -> new java.util.TreeSet<>()).add(name);
                }
                open.push(name);
            } else if (event == javax.xml.stream.XMLStreamConstants.END_ELEMENT) {
                open.pop();
            }
        }
        return children;
    }
}
