package com.hiwar.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hiwar.support.Api;
import com.hiwar.support.Tokens;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Security review finding 6: no reader sets an article's title or URL for good. URLs off the
 * publisher's hosts are ignored; a proposal is stored only once the publisher's page (served
 * here by the test on 127.0.0.1, an allowed host in the test profile) confirms it; moderators
 * correct and lock both.
 */
@QuarkusTest
class ArticleMetadataTest {

    private static HttpServer publisher;
    /** path -> page body; absent paths answer 404. */
    private static final Map<String, String> pages = new ConcurrentHashMap<>();

    @BeforeAll
    static void startPublisher() throws Exception {
        publisher = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        publisher.createContext("/", exchange -> {
            String page = pages.get(exchange.getRequestURI().getPath());
            byte[] body = (page == null ? "not found" : page).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(page == null ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        publisher.start();
    }

    @AfterAll
    static void stopPublisher() {
        publisher.stop(0);
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + publisher.getAddress().getPort() + path;
    }

    private static String page(String title) {
        return "<!doctype html><html><head><title>" + title + " | الجريدة</title>"
                + "<meta property=\"og:title\" content=\"" + title + "\"></head><body>…</body></html>";
    }

    private static Map<String, Object> articleState(String article) {
        return given().get("/api/v1/articles/{a}/comments", article).then().statusCode(200).extract().jsonPath().getMap("article");
    }

    private static void awaitTitle(String article, String title) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!title.equals(articleState(article).get("title")) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(title, articleState(article).get("title"));
    }

    private final String reader = Tokens.reader(Tokens.newSubject());

    @Test
    void aUrlOffThePublishersHostsIsIgnoredWithItsTitle() {
        String article = Api.newArticle();
        Api.post(reader, article, Map.of("body", "أول تعليق", "articleUrl", "https://phish.example/login",
                "articleTitle", "سجّل دخولك هنا")).statusCode(201);
        given().get("/api/v1/articles/{a}/comments", article).then()
                .body("article.url", nullValue()).body("article.title", nullValue());
    }

    @Test
    void thePublishersPageDecidesTheTitleNotTheFirstCommenter() throws Exception {
        String article = Api.newArticle();
        String path = "/news/" + article;
        pages.put(path, page("افتتاح مكتبة عامة"));
        Api.post(reader, article, Map.of("body", "أول تعليق", "articleUrl", url(path), "articleTitle", "عنوان مزيف"))
                .statusCode(201);
        awaitTitle(article, "افتتاح مكتبة عامة");
        assertEquals(url(path), articleState(article).get("url"));

        // A later comment proposing another title: the page still says otherwise.
        Api.post(Tokens.reader(Tokens.newSubject()), article, Map.of("body", "تعليق", "articleUrl", url(path),
                "articleTitle", "عنوان آخر مزيف")).statusCode(201);
        Thread.sleep(500);
        assertEquals("افتتاح مكتبة عامة", articleState(article).get("title"));

        // The newsroom retitles the story: the next proposal is confirmed by the page.
        pages.put(path, page("افتتاح مكتبة عامة جديدة في القاهرة"));
        Api.post(reader, article, Map.of("body", "تحديث", "articleUrl", url(path),
                "articleTitle", "افتتاح مكتبة عامة جديدة في القاهرة")).statusCode(201);
        awaitTitle(article, "افتتاح مكتبة عامة جديدة في القاهرة");

        // A proposed URL whose page does not exist changes nothing.
        Api.post(reader, article, Map.of("body", "رابط آخر", "articleUrl", url("/missing/" + article),
                "articleTitle", "عنوان من صفحة مفقودة")).statusCode(201);
        Thread.sleep(500);
        assertEquals(url(path), articleState(article).get("url"));
        assertEquals("افتتاح مكتبة عامة جديدة في القاهرة", articleState(article).get("title"));
    }

    @Test
    void moderatorsCorrectAndLockTitleAndUrl() throws Exception {
        String article = Api.newArticle();
        String path = "/news/" + article;
        pages.put(path, page("عنوان الصفحة"));
        Api.post(reader, article, Map.of("body", "تعليق", "articleUrl", url(path))).statusCode(201);
        awaitTitle(article, "عنوان الصفحة");
        String moderator = Tokens.moderator(Tokens.newSubject());
        Api.as(moderator).body(Map.of("url", "https://phish.example/x")).put("/api/v1/moderation/articles/{a}", article)
                .then().statusCode(422).contentType("application/problem+json");
        Api.as(moderator).body(Map.of("title", "العنوان الذي اختاره المحرر", "url", "https://news.example/story"))
                .put("/api/v1/moderation/articles/{a}", article).then().statusCode(200)
                .body("title", equalTo("العنوان الذي اختاره المحرر")).body("url", equalTo("https://news.example/story"))
                .body("metadataLocked", equalTo(true));
        pages.put(path, page("عنوان تغيّر بعد التصحيح"));
        Api.post(Tokens.reader(Tokens.newSubject()), article, Map.of("body", "تعليق", "articleUrl", url(path),
                "articleTitle", "عنوان تغيّر بعد التصحيح")).statusCode(201);
        Thread.sleep(700);
        assertEquals("العنوان الذي اختاره المحرر", articleState(article).get("title"));
        assertEquals("https://news.example/story", articleState(article).get("url"));
    }
}
