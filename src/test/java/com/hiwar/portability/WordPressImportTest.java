package com.hiwar.portability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hiwar.support.Db;
import com.hiwar.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * A WordPress export (WXR, in the shape WordPress 6's exporter writes) comes in whole: threads,
 * dates, statuses, registered users and guests, with no email or IP address kept; again, it
 * changes nothing; a newer export adds only what is new; a bad file is refused whole.
 */
@QuarkusTest
class WordPressImportTest {

    static final String IMPORTS = "/api/v1/admin/imports";

    /** The fixture with this test's own site, posts and user, so tests never share rows. */
    record Site(String host, long post1, long post2, long user, String xml) {}

    static Site site(int threadDepth, String extra) throws IOException {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        Site s = new Site("site" + r.nextInt(1_000_000_000) + ".example", r.nextLong(1_000_000_000L, 9_000_000_000L),
                r.nextLong(1_000_000_000L, 9_000_000_000L), r.nextLong(1_000_000L, 9_000_000L), null);
        StringBuilder thread = new StringBuilder();
        for (int i = 0; i < threadDepth; i++) { // each answers the one before: a thread as deep as WordPress allows
            thread.append(comment(201 + i, i == 0 ? 0 : 200 + i, "رد على مستوى " + (i + 1), "1"));
        }
        thread.append(extra);
        String xml;
        try (InputStream in = WordPressImportTest.class.getResourceAsStream("/imports/wordpress-export.xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        xml = xml.replace("__SITE__", s.host).replace("__POST1__", Long.toString(s.post1)).replace("__POST2__", Long.toString(s.post2))
                .replace("__USER__", Long.toString(s.user)).replace("__THREAD__", thread);
        return new Site(s.host, s.post1, s.post2, s.user, xml);
    }

    static String comment(int id, int parent, String text, String approved) {
        return """
                		<wp:comment>
                			<wp:comment_id>%d</wp:comment_id>
                			<wp:comment_author><![CDATA[ضيف %d]]></wp:comment_author>
                			<wp:comment_author_email><![CDATA[g%d@mail.example]]></wp:comment_author_email>
                			<wp:comment_author_url></wp:comment_author_url>
                			<wp:comment_author_IP><![CDATA[203.0.113.50]]></wp:comment_author_IP>
                			<wp:comment_date><![CDATA[2026-11-30 15:00:00]]></wp:comment_date>
                			<wp:comment_date_gmt><![CDATA[2026-11-30 13:%02d:00]]></wp:comment_date_gmt>
                			<wp:comment_content><![CDATA[%s]]></wp:comment_content>
                			<wp:comment_approved><![CDATA[%s]]></wp:comment_approved>
                			<wp:comment_type><![CDATA[comment]]></wp:comment_type>
                			<wp:comment_parent>%d</wp:comment_parent>
                			<wp:comment_user_id>0</wp:comment_user_id>
                		</wp:comment>
                """.formatted(id, id, id, id % 60, text, approved, parent);
    }

    static Response upload(String token, byte[] body, String contentType) {
        return given().header("Authorization", "Bearer " + token).contentType(contentType).body(body).post(IMPORTS);
    }

    /** Starts the import and waits for its job to end; the job. */
    static JsonPath imported(String admin, String xml) throws InterruptedException {
        return imported(admin, xml, Map.of());
    }

    static JsonPath imported(String admin, String xml, Map<String, ?> options) throws InterruptedException {
        Response started = given().header("Authorization", "Bearer " + admin).contentType("application/xml").queryParams(options)
                .body(xml.getBytes(StandardCharsets.UTF_8)).post(IMPORTS);
        started.then().statusCode(202).header("Location", containsString(IMPORTS + "/")).body("state", equalTo("running"));
        long id = started.jsonPath().getLong("id");
        JsonPath job = null;
        for (int i = 0; i < 200; i++) {
            job = given().header("Authorization", "Bearer " + admin).get(IMPORTS + "/{id}", id).then().statusCode(200).extract().jsonPath();
            if (!"running".equals(job.getString("state"))) {
                break;
            }
            Thread.sleep(50);
        }
        assertEquals("done", job.getString("state"), job.prettify());
        return job;
    }

    static Map<String, Object> row(String sourceKey) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = (List<Object[]>) Db.list("select c.status, c.depth, c.guest_name, u.subject, c.body, p.source_key, c.created_at::text, "
                + "c.article_id from comments c left join users u on u.id = c.author_id left join comments p on p.id = c.parent_id "
                + "where c.source_key = ?1", sourceKey);
        assertEquals(1, rows.size(), sourceKey);
        Object[] r = rows.get(0);
        java.util.HashMap<String, Object> m = new java.util.HashMap<>();
        m.put("status", r[0]);
        m.put("depth", ((Number) r[1]).intValue());
        m.put("guest", r[2]);
        m.put("subject", r[3]);
        m.put("body", r[4]);
        m.put("parent", r[5]);
        m.put("created", r[6]);
        m.put("article", r[7]);
        return m;
    }

    @Test
    void anExportComesInWithThreadsStatusesAuthorsAndNoEmailOrAddress() throws Exception {
        Site s = site(10, "");
        String admin = Tokens.admin(Tokens.newSubject());
        JsonPath job = imported(admin, s.xml);
        // 6 on the first post (one a pingback, skipped), 10 in the thread on the second.
        assertEquals(16, job.getLong("read"));
        assertEquals(15, job.getLong("created"));
        assertEquals(1, job.getLong("skipped"));
        assertEquals(0, job.getLong("failed"));
        assertEquals(1, job.getInt("reasons.pingback"));
        assertEquals(2, job.getLong("articles"));
        assertEquals(1.0, job.getDouble("progress"));

        String k = "wp:" + s.host + ":";
        Map<String, Object> guest = row(k + 101);
        assertEquals("published", guest.get("status"));
        assertEquals("زائر كريم", guest.get("guest"));
        assertNull(guest.get("subject"));
        assertEquals("خبر رائع، شكرًا للفريق & المحررين\nسطر ثانٍ", guest.get("body"), "tags go, entities are decoded, the line break stays");
        assertTrue(((String) guest.get("created")).startsWith("2026-11-30 10:00:00"), "the GMT date: " + guest.get("created"));
        Map<String, Object> reply = row(k + 103);
        assertEquals("wp:" + s.user, reply.get("subject"), "a registered user is the account the plugin's tokens name");
        assertEquals(k + 101, reply.get("parent"));
        assertEquals(1, reply.get("depth"));
        assertEquals("pending", row(k + 102).get("status"));
        assertEquals("rejected", row(k + 104).get("status"));
        assertEquals("deleted", row(k + 105).get("status"));
        assertEquals(0L, ((Number) Db.scalar("select count(*) from comments where source_key = ?1", k + 106)).longValue(), "pingbacks are skipped");
        assertEquals("منى", Db.scalar("select display_name from users where subject = ?1", "wp:" + s.user));
        // Ten levels deep in WordPress; here replies below the deepest level attach at it.
        for (int i = 0; i < 10; i++) {
            assertEquals(Math.min(i, 3), row(k + (201 + i)).get("depth"), "level " + (i + 1));
        }
        assertEquals(k + 203, row(k + 205).get("parent"), "a reply below the deepest level answers its parent's parent");
        // No email and no IP address anywhere.
        for (String secret : List.of("guest.secret@mail.example", "203.0.113.7", "mona@reader.example")) {
            assertEquals(0L, ((Number) Db.scalar("select count(*) from comments c join users u on true where c.body like ?1 "
                    + "or u.display_name like ?1 or c.guest_name like ?1", "%" + secret + "%")).longValue(), secret);
        }
        // Readers see the published ones, guests by name; counts are exact against a recount.
        given().get("/api/v1/articles/{a}/comments", Long.toString(s.post1)).then().statusCode(200)
                .body("comments.size()", equalTo(1)).body("comments[0].author.name", equalTo("زائر كريم"))
                .body("comments[0].replyCount", equalTo(1));
        assertEquals(Db.scalar("select count(*) from comments where article_id = ?1 and comment_is_public(status, hidden)", Long.toString(s.post1)),
                ((Number) Db.scalar("select article_published_count(?1)", Long.toString(s.post1))).longValue());
        assertEquals("https://news.example/2026/11/museum/", Db.scalar("select url from articles where id = ?1", Long.toString(s.post1)));
        assertEquals(false, Db.scalar("select open from articles where id = ?1", Long.toString(s.post2)), "comments closed in WordPress: closed here");
        // Moderators see the held one in the queue, its guest by name (no account to open).
        given().header("Authorization", "Bearer " + Tokens.moderator(Tokens.newSubject()))
                .get("/api/v1/moderation/queues/pending?articleId={a}&rule=import", Long.toString(s.post1)).then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].author.name", equalTo("قارئ ينتظر"))
                .body("items[0].author.status", equalTo("guest")).body("items[0].author.id", org.hamcrest.Matchers.nullValue());
        assertEquals(((Number) Db.scalar("select count(*) from comments where status = 'pending'")).longValue(),
                ((Number) Db.scalar("select coalesce(sum(n), 0) from moderation_counts where queue = 'pending'")).longValue(),
                "the queue counts follow");
        // The audit log: every comment's creation by the admin's import, and the import itself.
        assertEquals(15L, ((Number) Db.scalar("select count(*) from moderation_audit a join comments c on c.id = a.comment_id "
                + "where c.source_key like ?1 and a.action = 'import'", k + "%")).longValue());
        assertEquals("spam", Db.scalar("select a.reason from moderation_audit a join comments c on c.id = a.comment_id "
                + "where c.source_key = ?1", k + 104));
    }

    @Test
    void askedToModerateAgainPublishedCommentsGoThroughTheTextRulesAndTheirDecisionsAreRecorded() throws Exception {
        Site s = site(0, comment(401, 0, "والله انت شـرمـوطـة", "1") + comment(402, 0, "يا جاهل", "1")
                + comment(403, 0, "مقال مفيد عن المتحف", "1") + comment(404, 0, "يا جاهل", "0"));
        JsonPath job = imported(Tokens.admin(Tokens.newSubject()), s.xml, Map.of("remoderate", true));
        assertEquals(true, job.getBoolean("options.remoderate"));
        assertEquals(1, job.getInt("reasons.'remoderated: rejected'"), job.prettify());
        assertEquals(1, job.getInt("reasons.'remoderated: pending'"), job.prettify());
        String k = "wp:" + s.host + ":";
        assertEquals("rejected", row(k + 401).get("status"), "a banned term: rejected as a new comment would be");
        assertEquals("pending", row(k + 402).get("status"), "suspect: held for a moderator");
        assertEquals("published", row(k + 403).get("status"));
        assertEquals("pending", row(k + 404).get("status"), "held in WordPress: still held, not decided again");
        long rejected = ((Number) Db.scalar("select id from comments where source_key = ?1", k + 401)).longValue();
        assertEquals("reject", Db.scalar("select decision from moderation_decisions where comment_id = ?1", rejected));
        assertTrue(String.valueOf(Db.scalar("select reasons::text from moderation_decisions where comment_id = ?1", rejected))
                .contains("banned-terms"), "moderators see why");
        assertTrue(String.valueOf(Db.scalar("select a.reason from moderation_audit a where a.comment_id = ?1 and a.action = 'import'", rejected))
                .contains("banned-terms"), "the audit log says which rules");
        assertTrue(String.valueOf(Db.scalar("select array_to_string(rules, ',') from comments where id = ?1", rejected))
                .startsWith("import,banned-terms"), "the comment's rules: the import, then the rules that decided");
        long published = ((Number) Db.scalar("select id from comments where source_key = ?1", k + 403)).longValue();
        assertEquals("publish", Db.scalar("select decision from moderation_decisions where comment_id = ?1", published),
                "every comment it looked at has its decision");
        assertEquals(0L, ((Number) Db.scalar("select count(*) from moderation_decisions d join comments c on c.id = d.comment_id "
                + "where c.source_key = ?1", k + 404)).longValue());
        // The held one waits in the queue with its reason; the article's count leaves both out.
        given().header("Authorization", "Bearer " + Tokens.moderator(Tokens.newSubject()))
                .get("/api/v1/moderation/queues/pending?articleId={a}", Long.toString(s.post2)).then().statusCode(200)
                .body("items.body", org.hamcrest.Matchers.hasItem("يا جاهل"));
        assertEquals(Db.scalar("select count(*) from comments where article_id = ?1 and comment_is_public(status, hidden)", Long.toString(s.post2)),
                ((Number) Db.scalar("select article_published_count(?1)", Long.toString(s.post2))).longValue());
    }

    @Test
    void guestsAreMergedByAKeyedHashOfTheirEmailOnlyWhenAsked() throws Exception {
        String one = comment(501, 0, "تعليق من ضيف", "1").replace("g501@mail.example", "Same.Guest@Mail.example");
        String two = comment(502, 0, "تعليق آخر منه", "1").replace("g502@mail.example", " same.guest@mail.example ");
        String other = comment(503, 0, "ضيف آخر", "1");
        Site s = site(0, one + two + other);
        String admin = Tokens.admin(Tokens.newSubject());
        imported(admin, s.xml, Map.of("mergeGuests", true));
        String k = "wp:" + s.host + ":";
        Object a = Db.scalar("select author_id from comments where source_key = ?1", k + 501);
        assertEquals(a, Db.scalar("select author_id from comments where source_key = ?1", k + 502), "one email, one account");
        assertTrue(!a.equals(Db.scalar("select author_id from comments where source_key = ?1", k + 503)));
        String subject = (String) Db.scalar("select subject from users where id = ?1", a);
        assertTrue(subject.matches("guest:[0-9a-f]{32}"), subject);
        assertEquals("ضيف 501", Db.scalar("select display_name from users where id = ?1", a));
        assertNull(row(k + 501).get("guest"), "an account now, not a name-only guest");
        // The same person in another site's export (a later import) joins the same account.
        Site later = site(0, comment(601, 0, "من موقع آخر", "1").replace("g601@mail.example", "same.guest@mail.example"));
        imported(admin, later.xml, Map.of("mergeGuests", true));
        assertEquals(a, Db.scalar("select author_id from comments where source_key = ?1", "wp:" + later.host + ":601"));
        // The email is kept nowhere; without the option, guests stay names.
        assertEquals(0L, ((Number) Db.scalar("select count(*) from users where subject ilike '%mail.example%' or display_name ilike '%mail.example%'"))
                .longValue());
        Site plain = site(0, comment(701, 0, "بلا دمج", "1"));
        imported(admin, plain.xml);
        assertNull(row("wp:" + plain.host + ":701").get("subject"));
    }

    @Test
    void theSiteGoesBackToWordPressInItsOwnExportFormat() throws Exception {
        Site s = site(3, comment(801, 0, "نص فيه &lt;b&gt;وسم&lt;/b&gt; &amp; رمز ]]&gt; هنا", "1"));
        String admin = Tokens.admin(Tokens.newSubject());
        imported(admin, s.xml);
        Response export = given().header("Authorization", "Bearer " + admin).get("/api/v1/admin/export?format=wxr&timezone=Africa/Cairo");
        export.then().statusCode(200).contentType(containsString("application/rss+xml"))
                .header("Content-Disposition", containsString(".xml"));
        org.w3c.dom.Document doc = javax.xml.parsers.DocumentBuilderFactory.newNSInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(export.asByteArray()));
        String wp = "http://wordpress.org/export/1.2/";
        assertEquals("1.2", doc.getElementsByTagNameNS(wp, "wxr_version").item(0).getTextContent());
        Map<Long, org.w3c.dom.Element> posts = new java.util.HashMap<>();
        org.w3c.dom.NodeList items = doc.getElementsByTagName("item");
        for (int i = 0; i < items.getLength(); i++) {
            org.w3c.dom.Element e = (org.w3c.dom.Element) items.item(i);
            long id = Long.parseLong(e.getElementsByTagNameNS(wp, "post_id").item(0).getTextContent());
            if (id == s.post1 || id == s.post2) {
                posts.put(id, e);
            }
        }
        assertEquals(2, posts.size(), "the posts, by their WordPress IDs");
        assertEquals("https://news.example/2026/11/museum/", posts.get(s.post1).getElementsByTagName("link").item(0).getTextContent());
        assertEquals("closed", posts.get(s.post2).getElementsByTagNameNS(wp, "comment_status").item(0).getTextContent());
        Map<String, Map<String, String>> comments = new java.util.HashMap<>();
        Map<Long, String> keyById = new java.util.HashMap<>();
        List<org.w3c.dom.Node> list = new java.util.ArrayList<>();
        for (org.w3c.dom.Element post : posts.values()) {
            org.w3c.dom.NodeList nodes = post.getElementsByTagNameNS(wp, "comment");
            for (int i = 0; i < nodes.getLength(); i++) {
                list.add(nodes.item(i));
            }
        }
        for (int i = 0; i < list.size(); i++) {
            Map<String, String> fields = new java.util.HashMap<>();
            org.w3c.dom.NodeList children = list.get(i).getChildNodes();
            for (int j = 0; j < children.getLength(); j++) {
                if (children.item(j) instanceof org.w3c.dom.Element f) {
                    fields.put(f.getLocalName(), f.getTextContent());
                }
            }
            String key = (String) Db.scalar("select source_key from comments where id = ?1", Long.parseLong(fields.get("comment_id")));
            comments.put(key, fields);
            keyById.put(Long.parseLong(fields.get("comment_id")), key);
        }
        String k = "wp:" + s.host + ":";
        Map<String, String> guest = comments.get(k + 101);
        assertEquals("زائر كريم", guest.get("comment_author"));
        assertEquals("", guest.get("comment_author_email"), "no email was kept, none is made up");
        assertEquals("1", guest.get("comment_approved"));
        assertEquals("2026-11-30 10:00:00", guest.get("comment_date_gmt"));
        assertEquals("2026-11-30 12:00:00", guest.get("comment_date"), "the site's local time (Cairo, UTC+2 in November)");
        assertEquals("خبر رائع، شكرًا للفريق &amp; المحررين\nسطر ثانٍ", guest.get("comment_content"), "plain text, escaped as HTML");
        assertEquals("0", comments.get(k + 102).get("comment_approved"));
        assertEquals("spam", comments.get(k + 104).get("comment_approved"), "rejected: spam, WordPress' nearest");
        assertEquals("trash", comments.get(k + 105).get("comment_approved"));
        Map<String, String> reply = comments.get(k + 103);
        assertEquals(k + 101, keyById.get(Long.parseLong(reply.get("comment_parent"))), "the thread, by the ids in this file");
        assertEquals(Long.toString(s.user), reply.get("comment_user_id"), "a WordPress user's comment is theirs again");
        assertEquals("نص فيه &lt;b&gt;وسم&lt;/b&gt; &amp; رمز ]]&gt; هنا", comments.get(k + 801).get("comment_content"),
                "markup typed by a reader stays text; ]]> survives CDATA");
        assertTrue(!export.asString().contains("203.0.113"), "no IP address");
        given().header("Authorization", "Bearer " + admin).get("/api/v1/admin/export?format=csv").then().statusCode(400)
                .contentType(containsString("application/problem+json"));
        given().header("Authorization", "Bearer " + admin).get("/api/v1/admin/export?format=wxr&timezone=Mars/Olympus").then().statusCode(400)
                .contentType(containsString("application/problem+json"));
        given().header("Authorization", "Bearer " + Tokens.moderator(Tokens.newSubject())).get("/api/v1/admin/export?format=wxr").then()
                .statusCode(403);
    }

    @Test
    void theSameExportAgainChangesNothingAndANewerOneAddsOnlyWhatIsNew() throws Exception {
        Site s = site(3, "");
        String admin = Tokens.admin(Tokens.newSubject());
        assertEquals(8, imported(admin, s.xml).getLong("created"));
        JsonPath again = imported(admin, s.xml);
        assertEquals(0, again.getLong("created"));
        assertEquals(9, again.getLong("skipped"));
        assertEquals(8, again.getInt("reasons.'already imported'"));
        String k = "wp:" + s.host + ":";
        String newer = s.xml.replace("\t</item>\n</channel>", comment(300, 202, "رد جديد بعد التصدير الأول", "1") + "\t</item>\n</channel>");
        JsonPath third = imported(admin, newer);
        assertEquals(1, third.getLong("created"));
        assertEquals(k + 202, row(k + 300).get("parent"));
        assertEquals(9L, ((Number) Db.scalar("select count(*) from comments where source_key like ?1", k + "%")).longValue());
    }

    @Test
    void aPostWithThousandsOfCommentsComesInPartsAndOneImportRunsAtATime() throws Exception {
        // 2,500 comments on one post: they come in parts of 1,000, and comment 1,001 answers
        // comment 1,000 across the first boundary.
        Site s = site(0, "");
        StringBuilder many = new StringBuilder();
        for (int i = 1; i <= 2500; i++) {
            many.append(comment(10_000 + i, i % 500 == 1 && i > 1 ? 10_000 + i - 1 : 0, "تعليق رقم " + i, "1"));
        }
        String xml = s.xml.replace("\t</item>\n</channel>", many + "\t</item>\n</channel>");
        String admin = Tokens.admin(Tokens.newSubject());
        Response first = upload(admin, xml.getBytes(StandardCharsets.UTF_8), "application/xml");
        first.then().statusCode(202);
        // While it runs, another upload is refused with the running job's Location, and nothing is kept of it.
        Response second = upload(admin, s.xml.getBytes(StandardCharsets.UTF_8), "application/xml");
        second.then().statusCode(409).contentType(containsString("application/problem+json"))
                .header("Location", IMPORTS + "/" + first.jsonPath().getLong("id"));
        JsonPath job = null;
        for (int i = 0; i < 300; i++) {
            job = given().header("Authorization", "Bearer " + admin).get(IMPORTS + "/{id}", first.jsonPath().getLong("id"))
                    .then().extract().jsonPath();
            if (!"running".equals(job.getString("state"))) {
                break;
            }
            Thread.sleep(50);
        }
        assertEquals("done", job.getString("state"), job.prettify());
        assertEquals(2505, job.getLong("created"));
        String k = "wp:" + s.host + ":";
        assertEquals(k + 11000, row(k + 11001).get("parent"), "a reply finds its parent written in an earlier part");
        assertEquals(1, row(k + 11001).get("depth"));
    }

    @Test
    void aDisqusExportComesInToo() throws Exception {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long thread = r.nextLong(1_000_000_000L, 9_000_000_000L), post = r.nextLong(1_000_000L, 9_000_000L), first = r.nextLong(1_000_000_000L, 9_000_000_000L);
        String author = "<author><email>reader@mail.example</email><name>%s</name><isAnonymous>false</isAnonymous><username>u1</username></author>"
                + "<ipAddress>203.0.113.77</ipAddress>";
        String xml = """
                <?xml version="1.0" encoding="utf-8"?>
                <disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals"
                        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                        xsi:schemaLocation="http://disqus.com/api/schemas/1.0/disqus.xsd http://disqus.com/api/schemas/1.0/disqus-internals.xsd">
                <category dsq:id="1"><forum>news</forum><title>General</title><isDefault>true</isDefault></category>
                <thread dsq:id="%1$d"><id>%2$d https://news.example/?p=%2$d</id><forum>news</forum><category dsq:id="1" />
                  <link>https://news.example/2026/11/disqus-story/</link><title>قصة من ديسكس</title><message></message>
                  <createdAt>2026-11-30T08:00:00Z</createdAt>%4$s<isClosed>false</isClosed><isDeleted>false</isDeleted></thread>
                <post dsq:id="%3$d"><id /><message><![CDATA[<p>أول تعليق</p><p>فقرة ثانية</p>]]></message>
                  <createdAt>2026-11-30T10:00:00Z</createdAt><isDeleted>false</isDeleted><isSpam>false</isSpam>%5$s<thread dsq:id="%1$d" /></post>
                <post dsq:id="%6$d"><id /><message><![CDATA[رد عليه]]></message>
                  <createdAt>2026-11-30T10:05:00Z</createdAt><isDeleted>false</isDeleted><isSpam>false</isSpam>%7$s<thread dsq:id="%1$d" />
                  <parent dsq:id="%3$d" /></post>
                <post dsq:id="%8$d"><id /><message><![CDATA[spam spam]]></message>
                  <createdAt>2026-11-30T10:06:00Z</createdAt><isDeleted>false</isDeleted><isSpam>true</isSpam>%7$s<thread dsq:id="%1$d" /></post>
                <post dsq:id="%9$d"><id /><message><![CDATA[حذفه صاحبه]]></message>
                  <createdAt>2026-11-30T10:07:00Z</createdAt><isDeleted>true</isDeleted><isSpam>false</isSpam>%7$s<thread dsq:id="%1$d" /></post>
                </disqus>""".formatted(thread, post, first, author.formatted("المحرر"), author.formatted("سارة"), first + 1,
                author.formatted("خالد"), first + 2, first + 3);
        String admin = Tokens.admin(Tokens.newSubject());
        JsonPath job = imported(admin, xml);
        assertEquals("disqus", job.getString("format"), "told by its root element");
        assertEquals(4, job.getLong("created"));
        Map<String, Object> top = row("disqus:" + first);
        assertEquals(Long.toString(post), top.get("article"), "the thread's identifier (WordPress' Disqus plugin: post id, then guid)");
        assertEquals("سارة", top.get("guest"));
        assertEquals("أول تعليق\n\nفقرة ثانية", top.get("body"));
        assertEquals("disqus:" + first, row("disqus:" + (first + 1)).get("parent"));
        assertEquals("rejected", row("disqus:" + (first + 2)).get("status"));
        assertEquals("deleted", row("disqus:" + (first + 3)).get("status"));
        assertEquals(0L, ((Number) Db.scalar("select count(*) from comments where body like '%reader@mail.example%' or guest_name like '%203.0.113%'")).longValue());
        assertEquals(0, imported(admin, xml).getLong("created"), "again: nothing new");
    }

    @Test
    void aBadFileIsRefusedWholeWithAProblemAndNothingImported() throws Exception {
        String admin = Tokens.admin(Tokens.newSubject());
        Site s = site(1, "");
        String bomb = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
                <rss><channel><item><wp:comment xmlns:wp="http://wordpress.org/export/1.2/"><wp:comment_id>1</wp:comment_id>
                <wp:comment_content>&lol3;</wp:comment_content></wp:comment></item></channel></rss>""";
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <rss><channel><item><title>&x;</title></item></channel></rss>""";
        String deep = "<rss><channel><item>" + "<a>".repeat(10) + "x" + "</a>".repeat(10) + "</item></channel></rss>";
        // Declares UTF-8, written in the Arabic Windows code page (as an old site's dump might be).
        byte[] cp1256 = s.xml.getBytes(java.nio.charset.Charset.forName("windows-1256"));
        Map<String, byte[]> bad = new java.util.LinkedHashMap<>();
        bad.put("malformed", s.xml.substring(0, s.xml.length() / 2).getBytes(StandardCharsets.UTF_8));
        bad.put("entity bomb", bomb.getBytes(StandardCharsets.UTF_8));
        bad.put("external entity", xxe.getBytes(StandardCharsets.UTF_8));
        bad.put("nested too deep", deep.getBytes(StandardCharsets.UTF_8));
        bad.put("wrong encoding", cp1256);
        bad.put("not an export", "<html><body>hello</body></html>".getBytes(StandardCharsets.UTF_8));
        String header = "{\"type\": \"export\", \"format\": \"hiwar-ndjson\", \"version\": 1}\n";
        bad.put("not a Hiwar export", "{\"type\": \"comment\"}\n".getBytes(StandardCharsets.UTF_8));
        bad.put("a line that is not JSON", (header + "{\"type\": \"article\", \"id\": \"a\"}\nnot json\n").getBytes(StandardCharsets.UTF_8));
        bad.put("a comment before its article", (header + "{\"type\": \"comment\", \"key\": \"hiwar:1\", \"articleId\": \"nowhere\", "
                + "\"status\": \"published\", \"body\": \"x\", \"createdAt\": \"2026-12-01T10:00:00+00:00\"}\n").getBytes(StandardCharsets.UTF_8));
        byte[] notUtf8 = (header + "{\"type\": \"article\", \"id\": \"\u00e9\"}\n").getBytes(StandardCharsets.ISO_8859_1);
        bad.put("an export not in UTF-8", notUtf8);
        for (Map.Entry<String, byte[]> e : bad.entrySet()) {
            Response r = upload(admin, e.getValue(), e.getValue().length > 0 && e.getValue()[0] == '{' ? "application/x-ndjson" : "application/xml");
            r.then().statusCode(422).contentType(containsString("application/problem+json"));
            assertTrue(r.jsonPath().getString("detail").startsWith("This file cannot be imported"), e.getKey() + ": " + r.asString());
            assertTrue(!r.asString().contains("root:"), "nothing of a local file leaks");
        }
        upload(admin, new byte[0], "application/xml").then().statusCode(422).contentType(containsString("application/problem+json"));
        // Over the limit (8 MB in tests), refused before it is read.
        upload(admin, new byte[9 << 20], "application/xml").then().statusCode(413).contentType(containsString("application/problem+json"));
        assertEquals(0L, ((Number) Db.scalar("select count(*) from comments where source_key like ?1", "wp:" + s.host + ":%")).longValue());
        // Admins only; unknown jobs are a 404 problem.
        upload(Tokens.moderator(Tokens.newSubject()), s.xml.getBytes(StandardCharsets.UTF_8), "application/xml").then().statusCode(403);
        given().header("Authorization", "Bearer " + admin).get(IMPORTS + "/987654321").then().statusCode(404)
                .contentType(containsString("application/problem+json"));
        given().header("Authorization", "Bearer " + admin).get(IMPORTS + "/nope").then().statusCode(404);
    }
}
