package com.hiwar.comment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hiwar.support.Api;
import com.hiwar.support.Db;
import com.hiwar.support.Management;
import com.hiwar.support.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import io.quarkus.runtime.configuration.MemorySize;
import com.hiwar.http.Conditional;
import java.lang.reflect.Proxy;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The anonymous pages kept in memory: they are really served from memory (a change made behind
 * the service's back does not show), a few later pages per article are kept too, yet every change
 * made through the service shows at once,
 * a change announced by another instance through Redis shows within a second, a page never
 * outlives the article's closing time, and a kept page is answered on the I/O thread exactly as
 * a rendered one. Their estimated heap stays within its bound, whatever pages clients ask for.
 */
@QuarkusTest
class PublicPagesTest {

    private final String alice = Tokens.reader(Tokens.newSubject());
    private final String bob = Tokens.reader(Tokens.newSubject());
    private final String moderator = Tokens.moderator(Tokens.newSubject());

    @Inject
    RedisDataSource redis;

    @Inject
    PublicPages pages;

    @Inject
    MeterRegistry metrics;

    @Inject
    CommentService comments;

    @Inject
    ObjectMapper json;

    @Inject
    Conditional conditional;

    @Inject
    CommentsConfig config;

    @ConfigProperty(name = "hiwar.live.channel")
    String liveChannel;

    static JsonPath anonymous(String article) {
        return given().get("/api/v1/articles/{a}/comments", article).then().statusCode(200).extract().jsonPath();
    }

    /** Polls the anonymous first page until it satisfies the condition, for at most a second. */
    static JsonPath within1s(String article, Predicate<JsonPath> condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 1000;
        JsonPath page = anonymous(article);
        while (!condition.test(page) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
            page = anonymous(article);
        }
        assertTrue(condition.test(page), page.prettify());
        return page;
    }

    @Test
    void everyChangeMadeThroughTheServiceShowsOnTheNextRead() throws Exception {
        String article = Api.newArticle();
        long first = Api.postId(alice, article, "التعليق الأول");
        assertEquals(List.of(first), anonymous(article).getList("comments.id", Long.class));

        long second = Api.postId(bob, article, "التعليق الثاني");
        assertEquals(List.of(second, first), anonymous(article).getList("comments.id", Long.class), "a new comment");

        Api.decide(moderator, first, "reject", "abuse");
        assertEquals(List.of(second), anonymous(article).getList("comments.id", Long.class), "a rejected one");

        Api.as(alice).put("/api/v1/comments/{id}/like", second).then().statusCode(200);
        within1s(article, p -> p.getInt("comments[0].likes") == 1); // likes travel through the live announcement

        Api.as(moderator).body(Map.of("title", "عنوان صححه المحرر")).put("/api/v1/moderation/articles/{a}", article)
                .then().statusCode(200);
        assertEquals("عنوان صححه المحرر", anonymous(article).getString("article.title"), "a corrected title");

        Api.as(moderator).body(Map.of("open", false)).put("/api/v1/moderation/articles/{a}", article).then().statusCode(200);
        assertFalse(anonymous(article).getBoolean("article.open"), "closed by a moderator");
    }

    @Test
    void thePageIsKeptAndAnAnnouncementFromAnotherInstanceRefreshesIt() throws Exception {
        String article = Api.newArticle();
        long id = Api.postId(alice, article, "النص الأصلي");
        assertEquals("النص الأصلي", anonymous(article).getString("comments[0].body"));

        // Written behind the service's back, as another instance would: the kept page is what is served...
        Db.exec("update comments set body = 'نص من خادم آخر' where id = ?1", id);
        assertEquals("النص الأصلي", anonymous(article).getString("comments[0].body"));
        String etag = given().get("/api/v1/articles/{a}/comments", article).then().extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/articles/{a}/comments", article).then().statusCode(304);

        // ...until that instance's announcement arrives through Redis (article, event id, type, data).
        redis.pubsub(String.class).publish(liveChannel, article + "\n0-0\nlikes\n{\"id\":" + id + ",\"likes\":0}");
        within1s(article, p -> "نص من خادم آخر".equals(p.getString("comments[0].body")));
    }

    @Test
    void aKeptPageIsAnsweredFromMemoryWithTheSameBytesAndHeadersAsARenderedOne() {
        String article = Api.newArticle();
        Api.postId(alice, article, "تعليق");
        double before = fromMemory();
        var rendered = given().queryParam("sort", "top").get("/api/v1/articles/{a}/comments", article).then()
                .statusCode(200).extract();
        assertEquals(before, fromMemory(), "the first read renders");
        var kept = given().queryParam("sort", "top").get("/api/v1/articles/{a}/comments", article).then()
                .statusCode(200).extract();
        assertEquals(before + 1, fromMemory(), "the second is answered from memory");
        assertEquals(rendered.asString(), kept.asString());
        for (String header : List.of("ETag", "Cache-Control", "Vary", "Surrogate-Key", "Content-Type")) {
            assertEquals(rendered.header(header), kept.header(header), header);
        }
        given().queryParam("sort", "top").header("If-None-Match", kept.header("ETag"))
                .get("/api/v1/articles/{a}/comments", article).then().statusCode(304).header("ETag", kept.header("ETag"));
        assertEquals(before + 2, fromMemory());

        // Never for a signed-in reader (their view is their own), nor for a token to refuse.
        Api.as(alice).queryParam("sort", "top").get("/api/v1/articles/{a}/comments", article).then().statusCode(200)
                .header("Cache-Control", "private, no-cache");
        given().header("Authorization", "Bearer not-a-token").queryParam("sort", "top")
                .get("/api/v1/articles/{a}/comments", article).then().statusCode(401);
        // Parameters that do not parse are the resource's to refuse.
        given().queryParam("sort", "top").queryParam("limit", "many").get("/api/v1/articles/{a}/comments", article)
                .then().statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
        assertEquals(before + 2, fromMemory());
    }

    private double fromMemory() {
        return Management.memoryAnswers(metrics, "comments");
    }

    @Test
    void aSignedInReadersPageFromTheKeptOneEqualsTheirPageRenderedInFull() throws Exception {
        String article = Api.newArticle();
        String aliceSubject = Tokens.newSubject(), bobSubject = Tokens.newSubject();
        String aliceToken = Tokens.reader(aliceSubject), bobToken = Tokens.reader(bobSubject);
        long own = Api.postId(aliceToken, article, "تعليق أليس");
        long other = Api.postId(bobToken, article, "تعليق بوب");
        long reply = Api.replyId(aliceToken, article, other, "رد أليس على بوب");
        long featured = Api.postId(bobToken, article, "تعليق مميز");
        Api.decide(moderator, featured, "feature", null);
        Api.as(aliceToken).put("/api/v1/comments/{id}/like", other).then().statusCode(200);
        Api.as(bobToken).put("/api/v1/comments/{id}/like", reply).then().statusCode(200);
        Api.as(bobToken).put("/api/v1/comments/{id}/like", own).then().statusCode(200);
        long deleted = Api.postId(aliceToken, article, "سأحذفه");
        Api.replyId(bobToken, article, deleted, "رد يبقي المحذوف في مكانه");
        Api.as(aliceToken).delete("/api/v1/comments/{id}", deleted).then().statusCode(204);

        String carolSubject = Tokens.newSubject(); // likes comments and a reply, wrote none
        for (long liked : List.of(featured, other, reply)) {
            Api.as(Tokens.reader(carolSubject)).put("/api/v1/comments/{id}/like", liked).then().statusCode(200);
        }
        String daveSubject = Tokens.newSubject(); // likes none, wrote none
        Api.as(Tokens.reader(daveSubject)).put("/api/v1/comments/{id}/like", featured).then().statusCode(200);
        Api.as(Tokens.reader(daveSubject)).delete("/api/v1/comments/{id}/like", featured).then().statusCode(200);
        for (String subject : List.of(aliceSubject, bobSubject, carolSubject, daveSubject)) {
            long viewer = Db.userId(subject);
            for (String sort : new String[] {null, "top", "oldest"}) {
                CommentPage full = QuarkusTransaction.requiringNew().call(() -> comments.page(article, sort, null, null, viewer));
                PublicPages.Rendered rendered = pages.firstPage(article, sort, null);
                CommentPage kept = rendered.page();
                assertEquals(subject.equals(carolSubject) || subject.equals(daveSubject), pages.readerTemplate(article, rendered).fits(viewer),
                        "the template fits exactly the readers who wrote nothing on the page");
                CommentPage overlaid = QuarkusTransaction.requiringNew().call(() -> comments.overlay(kept, viewer,
                        comments.likesOnPage(kept, article, viewer).orElseThrow()));
                assertEquals(full, overlaid, "reader " + subject + ", sort " + sort);
                // Alice and Bob wrote on the page: theirs is overlaid and rendered; Carol's and Dave's are the
                // reader template with their likes marked. Either way the very bytes of a full render.
                var request = Api.as(Tokens.reader(subject));
                if (sort != null) {
                    request.queryParam("sort", sort);
                }
                byte[] served = request.get("/api/v1/articles/{a}/comments", article).then().statusCode(200)
                        .header("Cache-Control", "private, no-cache").extract().asByteArray();
                assertEquals(json.writeValueAsString(full), new String(served, StandardCharsets.UTF_8),
                        "reader " + subject + ", sort " + sort);
            }
        }
        JsonPath alices = Api.as(aliceToken).get("/api/v1/articles/{a}/comments", article).then().statusCode(200)
                .header("Cache-Control", "private, no-cache").extract().jsonPath();
        assertEquals(Boolean.TRUE, alices.get("comments.find { it.id == " + other + " }.liked"));
        assertEquals(Boolean.TRUE, alices.get("comments.find { it.id == " + own + " }.mine"));
        assertEquals(Boolean.FALSE, alices.get("featured[0].liked"));

        // A comment only its author can see: their page is rendered in full, and shows it.
        long held = Api.postId(aliceToken, article, "بانتظار المراجعة");
        Db.exec("update comments set status = 'pending' where id = ?1", held);
        long alice = Db.userId(aliceSubject);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> comments.likesOnPage(
                pages.firstPage(article, null, null).page(), article, alice)).isEmpty());
        assertTrue(Api.as(aliceToken).get("/api/v1/articles/{a}/comments", article).then().statusCode(200).extract()
                .jsonPath().getList("comments.id", Long.class).contains(held));
        assertFalse(anonymous(article).getList("comments.id", Long.class).contains(held));
    }

    @Test
    void aSignedInReadersETagFollowsTheirLikesAndThePublicPage() throws Exception {
        String article = Api.newArticle();
        Api.postId(alice, article, "تعليق أليس"); // a reader the service has never seen reads as anonymous
        long first = Api.postId(bob, article, "تعليق للإعجاب");
        String etag = Api.as(alice).get("/api/v1/articles/{a}/comments", article).then().statusCode(200).extract().header("ETag");
        Api.as(alice).header("If-None-Match", etag).get("/api/v1/articles/{a}/comments", article).then().statusCode(304)
                .header("ETag", etag).header("Cache-Control", "private, no-cache");
        String bobs = Api.as(bob).get("/api/v1/articles/{a}/comments", article).then().statusCode(200).extract().header("ETag");
        assertFalse(etag.equals(bobs), "another reader's page has its own ETag");

        Api.as(alice).put("/api/v1/comments/{id}/like", first).then().statusCode(200);
        var liked = within1s(article, p -> p.getInt("comments[0].likes") == 1); // the public page moved too
        var page = Api.as(alice).header("If-None-Match", etag).get("/api/v1/articles/{a}/comments", article)
                .then().statusCode(200).extract();
        assertEquals(Boolean.TRUE, page.jsonPath().get("comments[0].liked"));
        String afterLike = page.header("ETag");
        assertFalse(etag.equals(afterLike));

        Api.postId(bob, article, "تعليق آخر يغير الصفحة العامة");
        Api.as(alice).header("If-None-Match", afterLike).get("/api/v1/articles/{a}/comments", article).then().statusCode(200)
                .body("comments.size()", org.hamcrest.Matchers.is(3));
        assertEquals(1, liked.getInt("comments[0].likes"));
    }

    /** The cursors of an article's pages 2, 3, ... one comment a page, each page read once on the way. */
    private static List<String> walk(String article) {
        List<String> cursors = new java.util.ArrayList<>();
        String cursor = given().get("/api/v1/articles/{a}/comments?limit=1", article).then().extract().path("nextCursor");
        while (cursor != null) {
            cursors.add(cursor);
            cursor = given().queryParam("cursor", cursor).get("/api/v1/articles/{a}/comments?limit=1", article)
                    .then().statusCode(200).extract().path("nextCursor");
        }
        return cursors;
    }

    @Test
    void aFewLaterPagesPerArticleAreKeptAndDeeperOnesRendered() {
        String article = Api.newArticle();
        for (int i = 1; i <= 12; i++) {
            Api.postId(alice, article, "تعليق رقم " + i);
        }
        Db.exec("update articles set title = 'العنوان الأول' where id = ?1", article);
        // Walk the pages one comment at a time: the cursors of pages 2..12.
        List<String> cursors = walk(article);
        assertEquals(11, cursors.size());

        String title = "العنوان الأول";
        Db.exec("update comments set body = 'تغير من خلف الخدمة' where article_id = ?1", article);
        Db.exec("update articles set title = 'عنوان من خلف الخدمة' where id = ?1", article);
        List<JsonPath> later = cursors.stream().map(c -> given().queryParam("cursor", c)
                .get("/api/v1/articles/{a}/comments?limit=1", article).then().statusCode(200).extract().jsonPath()).toList();
        List<String> bodies = later.stream().map(p -> p.getString("comments[0].body")).toList();
        long kept = bodies.stream().filter(b -> b.startsWith("تعليق رقم")).count();
        assertTrue(kept >= 1 && kept <= 8, "at most 8 of 11 later pages kept: " + bodies);
        List<JsonPath> rendered = java.util.stream.IntStream.range(0, 11).filter(i -> bodies.get(i).equals("تغير من خلف الخدمة"))
                .mapToObj(later::get).toList();
        assertEquals(11 - kept, rendered.size(), "the others rendered: " + bodies);
        assertEquals(java.util.Collections.nCopies(rendered.size(), title), rendered.stream().map(p -> p.getString("article.title")).toList(),
                "a rendered page shows the article as the kept pages do, without reading it again");
        assertEquals(title, given().header("Authorization", "Bearer " + bob).queryParam("cursor", cursors.get(10))
                .get("/api/v1/articles/{a}/comments?limit=1", article).then().statusCode(200).extract().path("article.title"),
                "a signed-in reader's later page too");

        Api.postId(bob, article, "تعليق جديد يغير كل الصفحات");
        JsonPath deep = given().queryParam("cursor", cursors.get(10)).get("/api/v1/articles/{a}/comments?limit=1", article)
                .then().statusCode(200).extract().jsonPath();
        assertEquals("عنوان من خلف الخدمة", deep.getString("article.title"), "a change evicts the state with the pages");
        assertEquals(13, deep.getInt("article.publishedCount"));
        assertEquals("تغير من خلف الخدمة", given().queryParam("cursor", cursors.get(0))
                .get("/api/v1/articles/{a}/comments?limit=1", article).then().statusCode(200)
                .extract().<String>path("comments[0].body"), "a change evicts the later pages too");
    }

    @Test
    void oneOffCursorsCannotCrowdOutTheSecondPageEveryoneReads() {
        String article = Api.newArticle();
        for (int i = 1; i <= 12; i++) {
            Api.postId(alice, article, "تعليق رقم " + i);
        }
        List<String> cursors = walk(article);
        // Pages of another size are other pages: a crawler's walk, each asked for once, before anyone reads page 2...
        java.util.function.BiFunction<Integer, String, String> body = (size, c) -> given().queryParam("cursor", c)
                .get("/api/v1/articles/{a}/comments?limit=" + size, article).then().statusCode(200).extract().path("comments[0].body");
        cursors.subList(1, 11).forEach(c -> body.apply(3, c));
        for (int i = 0; i < 5; i++) {
            body.apply(3, cursors.get(0));
        }
        // ...and another walk after it.
        cursors.subList(1, 11).forEach(c -> body.apply(4, c));
        Db.exec("update comments set body = 'تغير من خلف الخدمة' where article_id = ?1", article);
        assertTrue(body.apply(3, cursors.get(0)).startsWith("تعليق رقم"), "the second page everyone reads is kept");
        long kept = java.util.stream.Stream.concat(cursors.subList(1, 11).stream().map(c -> body.apply(3, c)),
                cursors.subList(1, 11).stream().map(c -> body.apply(4, c))).filter(b -> b.startsWith("تعليق رقم")).count();
        assertTrue(kept <= 7, "the one-off pages share the 7 other places: " + kept);
    }

    @Test
    void refusedCursorsTakeNoPlaceAmongTheKeptPages() {
        String article = Api.newArticle();
        Api.postId(alice, article, "الأول");
        Api.postId(alice, article, "الثاني");
        for (int i = 0; i < 10; i++) {
            given().queryParam("cursor", "not-a-cursor-" + i).get("/api/v1/articles/{a}/comments?limit=1", article)
                    .then().statusCode(400).contentType("application/problem+json");
        }
        String cursor = given().get("/api/v1/articles/{a}/comments?limit=1", article).then().extract().path("nextCursor");
        given().queryParam("cursor", cursor).get("/api/v1/articles/{a}/comments?limit=1", article).then().statusCode(200);
        Db.exec("update comments set body = 'تغير من خلف الخدمة' where article_id = ?1", article);
        assertEquals("الأول", given().queryParam("cursor", cursor).get("/api/v1/articles/{a}/comments?limit=1", article)
                .then().statusCode(200).extract().<String>path("comments[0].body"), "the second page is still kept");
    }

    @Test
    void aKeptPageEndsWhenTheArticleCloses() throws Exception {
        String article = Api.newArticle();
        Api.postId(alice, article, "قبل الإغلاق");
        Instant closes = Instant.now().plusMillis(1200);
        Api.as(moderator).body(Map.of("closesAt", closes.toString())).put("/api/v1/moderation/articles/{a}", article)
                .then().statusCode(200);
        assertTrue(anonymous(article).getBoolean("article.open"));
        Thread.sleep(Math.max(0, closes.toEpochMilli() - System.currentTimeMillis()) + 50);
        assertFalse(anonymous(article).getBoolean("article.open"), "no write happened, yet the page knows it closed");
    }

    @Test
    void theKeptPagesStayWithinTheirHeapBoundWhateverSizesClientsAskFor() throws Exception {
        List<String> articles = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String article = Api.newArticle();
            Api.postId(alice, article, "تعليق على مقال " + i);
            Api.postId(bob, article, "وتعليق آخر " + i);
            articles.add(article);
        }
        PublicPages roomy = bounded(1 << 24, Duration.ofMillis(300));
        PublicPages.Rendered one = roomy.firstPage(articles.get(0), null, null);
        assertTrue(roomy.keptWeight() >= 3L * one.body().length, "a render weighs its article anew: " + roomy.keptWeight());
        Thread.sleep(400);
        assertEquals(0, roomy.keptWeight(), "unread for a TTL, every page of the article was stale, so it went");

        PublicPages measure = bounded(1 << 24, Duration.ofSeconds(10));
        everySize(measure, articles.get(0));
        long oneArticle = measure.keptWeight();
        // A client asking for every page size of every article: the cache keeps what fits in the bound, no more.
        long bound = oneArticle * 5 / 2;
        PublicPages tight = bounded(bound, Duration.ofSeconds(10));
        articles.forEach(a -> everySize(tight, a));
        long kept = tight.keptWeight();
        assertTrue(kept > 0 && kept <= bound, kept + " of " + bound + " bytes");
    }

    private static void everySize(PublicPages cache, String article) {
        for (int limit = 1; limit <= 20; limit++) {
            cache.firstPage(article, null, limit);
            cache.firstPage(article, "top", limit);
        }
    }

    /** A page cache of its own, with this bound and TTL, over the service's renderer. */
    private PublicPages bounded(long maxBytes, Duration ttl) {
        CommentsConfig.PageCache settings = override(CommentsConfig.PageCache.class, config.pageCache(),
                Map.of("maxBytes", new MemorySize(BigInteger.valueOf(maxBytes)), "ttl", ttl));
        CommentsConfig bounded = override(CommentsConfig.class, config, Map.of("pageCache", settings));
        PublicPages cache = new PublicPages(bounded);
        cache.comments = comments;
        cache.conditional = conditional;
        cache.config = bounded;
        return cache;
    }

    @SuppressWarnings("unchecked")
    private static <T> T override(Class<T> type, T real, Map<String, Object> values) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> values.containsKey(method.getName()) ? values.get(method.getName()) : method.invoke(real, args));
    }
}
