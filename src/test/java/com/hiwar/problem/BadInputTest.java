package com.hiwar.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hiwar.support.Api;
import com.hiwar.support.Db;
import com.hiwar.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every kind of bad input gets a clear problem+json answer, never a 500, and stores nothing. */
@QuarkusTest
class BadInputTest {

    private final String token = Tokens.reader(Tokens.newSubject());
    private final String article = Api.newArticle();

    private ValidatableResponse postRaw(byte[] body) {
        return Api.as(token).body(body).when().post("/api/v1/articles/{a}/comments", article).then();
    }

    private ValidatableResponse postRaw(String body) {
        return postRaw(body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sent as a stream of unknown length, so the client uses chunked transfer encoding. */
    private HttpResponse<String> postChunked(byte[] body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + RestAssured.port + "/api/v1/articles/" + article + "/comments"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private void nothingStored() {
        assertEquals(0, ((Number) Db.scalar("select count(*) from comments where article_id = ?1", article)).intValue());
    }

    private static void isProblem(ValidatableResponse r, int status) {
        r.statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("title", notNullValue()).body("detail", notNullValue())
                .body("type", containsString("/problems/"));
    }

    @Test
    void malformedJson() {
        isProblem(postRaw("{\"body\": \"نص"), 400);
        postRaw("{\"body\": \"نص").body("type", containsString("malformed-json"));
        isProblem(postRaw("not json at all"), 400);
        isProblem(postRaw("[1,2,3]"), 400);
        isProblem(postRaw(""), 400);
        nothingStored();
    }

    @Test
    void wrongTypesAndUnknownFields() {
        isProblem(postRaw("{\"body\": 42, \"parentId\": \"abc\"}"), 400);
        isProblem(postRaw("{\"body\": \"نص\", \"status\": \"published\"}"), 400);
        postRaw("{\"body\": \"نص\", \"authorId\": 1}").body("errors[0].field", equalTo("authorId"));
        isProblem(postRaw("{}"), 400);
        postRaw("{}").body("errors[0].field", equalTo("body"));
        nothingStored();
    }

    @Test
    void invalidUtf8Bytes() {
        byte[] prefix = "{\"body\": \"".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE};
        byte[] suffix = "\"}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + bad.length + suffix.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        System.arraycopy(bad, 0, body, prefix.length, bad.length);
        System.arraycopy(suffix, 0, body, prefix.length + bad.length, suffix.length);
        isProblem(postRaw(body), 400);
        nothingStored();
    }

    @Test
    void unpairedSurrogates() {
        isProblem(postRaw("{\"body\": \"abc \\ud800 def\"}"), 422);
        isProblem(postRaw("{\"body\": \"\\udc00\"}"), 422);
        nothingStored();
    }

    @Test
    void nulAndOtherControlCharacters() {
        isProblem(postRaw("{\"body\": \"a\\u0000b\"}"), 422);
        postRaw("{\"body\": \"a\\u0000b\"}").body("errors[0].field", equalTo("body"));
        isProblem(postRaw("{\"body\": \"bell\\u0007\"}"), 422);
        isProblem(postRaw("{\"body\": \"esc\\u001b[31m\"}"), 422);
        isProblem(postRaw("{\"body\": \"c1\\u0085\"}"), 422);
        // A raw NUL byte is not even valid JSON.
        isProblem(postRaw("{\"body\": \"a\u0000b\"}"), 400);
        nothingStored();
        Api.post(token, article, Map.of("body", "سطر أول\nسطر\tثان")).statusCode(201)
                .body("body", equalTo("سطر أول\nسطر\tثان"));
    }

    @Test
    void bidiOverridesAreStrippedButArabicJoinersStay() {
        String spoof = "\u202Eتعليق\u202C \u2066عادي\u2069";
        Api.post(token, article, Map.of("body", spoof)).statusCode(201).body("body", equalTo("تعليق عادي"));
        String joiners = "لا\u200Dإله\u200C \u200Fنص\u200E\u061C";
        Api.post(token, article, Map.of("body", joiners)).statusCode(201).body("body", equalTo(joiners));
    }

    @Test
    void textIsStoredNfc() {
        // e + combining acute, and Arabic alef + hamza above (U+0627 U+0654) compose under NFC.
        Api.post(token, article, Map.of("body", "Cafe\u0301 \u0627\u0654")).statusCode(201)
                .body("body", equalTo("Caf\u00e9 \u0623"));
    }

    @Test
    void lengthCountsCodePoints() {
        String emoji = "😀".repeat(5000);
        Api.post(token, article, Map.of("body", emoji)).statusCode(201);
        isProblem(Api.post(token, article, Map.of("body", emoji + "😀")), 422);
        isProblem(Api.post(token, article, Map.of("body", "   \n\t ")), 422);
        isProblem(Api.post(token, article, Map.of("body", "\u202E")), 422);
    }

    @Test
    void oversizedBodies() throws Exception {
        String huge = "{\"body\": \"" + "ا".repeat(100_000) + "\"}";
        isProblem(postRaw(huge), 413);

        // Without a Content-Length (chunked), the limit applies as the body streams in.
        HttpResponse<String> chunked = postChunked(huge.getBytes(StandardCharsets.UTF_8));
        assertEquals(413, chunked.statusCode());
        assertEquals("application/problem+json", chunked.headers().firstValue("Content-Type").orElse(""));
        assertEquals(400, postChunked(new byte[0]).statusCode());
        nothingStored();
    }

    @Test
    void wrongContentTypeAndMethod() {
        isProblem(given().header("Authorization", "Bearer " + token).contentType("text/plain").body("hello")
                .post("/api/v1/articles/{a}/comments", article).then(), 415);
        isProblem(given().put("/api/v1/articles/{a}/comments", article).then(), 405);
        isProblem(given().get("/api/v1/no/such/route").then(), 404);
    }

    @Test
    void badArticleMetadata() {
        isProblem(Api.post(token, article, Map.of("body", "نص", "articleUrl", "javascript:alert(1)")), 422);
        isProblem(Api.post(token, article, Map.of("body", "نص", "articleUrl", "not a url")), 422);
        isProblem(Api.post(token, "has spaces", Map.of("body", "نص")), 422);
        nothingStored();
    }

    @Test
    void aClientHangingUpMidBodyIsNotAServerError() throws Exception {
        String token = Tokens.reader(Tokens.newSubject());
        String article = Api.newArticle();
        double before = serverErrors();
        try (java.net.Socket socket = new java.net.Socket("localhost", RestAssured.port)) {
            socket.getOutputStream().write(("POST /api/v1/articles/" + article + "/comments HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n"
                    + "{\"body\": \"نص لم يكتمل").getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            Thread.sleep(200);
        }
        Thread.sleep(300);
        assertEquals(before, serverErrors(), "a hang-up was counted as a 500");
        given().get("/api/v1/articles/{a}/comments", article).then().statusCode(200).body("article.publishedCount", equalTo(0));
    }

    private static double serverErrors() {
        String metrics = com.hiwar.support.Management.given().get("/q/metrics").then().extract().asString();
        return metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_count") && l.contains("status=\"500\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void aPostWithoutLengthOrChunksHasAnEmptyBody() throws Exception {
        // HTTP/1.1 without Content-Length or Transfer-Encoding carries no body (RFC 9112 6.3):
        // bodiless actions such as the dev sign-in or a queue claim must not wait for one.
        try (java.net.Socket socket = new java.net.Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("POST /api/v1/moderation/queues/pending/claim?articleId=none HTTP/1.1\r\n"
                    + "Host: localhost\r\nAuthorization: Bearer " + Tokens.moderator(Tokens.newSubject())
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertEquals("HTTP/1.1 200 OK", status);
        }
    }

    /** Security review finding 12: a wrong JSON type is a 400 naming the field, on every body, never coerced. */
    @Test
    void wrongJsonTypesAreRefusedNotCoerced() {
        for (String body : List.of("{\"body\": 12}", "{\"body\": 1.5}", "{\"body\": true}",
                "{\"body\": \"نص\", \"parentId\": \"12\"}", "{\"body\": \"نص\", \"parentId\": 1.5}")) {
            isProblem(postRaw(body), 400);
            postRaw(body).body("errors[0].message", equalTo("wrong type"));
        }
        nothingStored();
        String moderator = Tokens.moderator(Tokens.newSubject());
        long id = Api.postId(token, article, "تعليق");
        int version = Db.version(id);
        isProblem(Api.as(moderator).body("{\"action\": \"approve\", \"version\": \"" + version + "\"}")
                .post("/api/v1/moderation/comments/{id}/decision", id).then(), 400);
        isProblem(Api.as(moderator).body("{\"premoderated\": \"true\"}")
                .put("/api/v1/moderation/users/{u}", Db.scalar("select author_id from comments where id = ?1", id)).then(), 400);
        isProblem(Api.as(moderator).body("{\"premoderated\": 1}")
                .put("/api/v1/moderation/users/{u}", Db.scalar("select author_id from comments where id = ?1", id)).then(), 400);
        isProblem(Api.as(token).body("{\"reason\": 5}").post("/api/v1/comments/{id}/reports", id).then(), 400);
        assertEquals(0L, ((Number) Db.scalar("select count(*) from comment_reports where comment_id = ?1", id)).longValue());
        assertEquals(version, Db.version(id));
    }

    /** Security review finding 8: a cursor that decodes to values outside the database's range is a 400, not a 500. */
    @Test
    void outOfRangeCursorsAreBadCursors() {
        String moderator = Tokens.moderator(Tokens.newSubject());
        long id = Api.postId(token, article, "تعليق");
        for (String raw : List.of("n.-300000000000000000.5", "o.-300000000000000000.5", "n.300000000000000000.5",
                "o.9223372036854775807.5", "n.1.-5", "t.1.5.-1", "t.1.5.9999999999999", "t.-300000000000000000.5.1")) {
            String cursor = java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
            for (var call : List.<java.util.function.Supplier<ValidatableResponse>>of(
                    () -> given().queryParam("cursor", cursor).get("/api/v1/articles/{a}/comments", article).then(),
                    () -> given().queryParam("cursor", cursor).queryParam("sort", "oldest")
                            .get("/api/v1/articles/{a}/comments", article).then(),
                    () -> given().queryParam("cursor", cursor).queryParam("sort", "top")
                            .get("/api/v1/articles/{a}/comments", article).then(),
                    () -> given().queryParam("cursor", cursor).get("/api/v1/comments/{id}/replies", id).then(),
                    () -> Api.as(token).queryParam("cursor", cursor).get("/api/v1/me/comments").then(),
                    () -> Api.as(token).queryParam("cursor", cursor).get("/api/v1/me/notifications").then(),
                    () -> Api.as(moderator).queryParam("cursor", cursor).get("/api/v1/moderation/queues/all").then(),
                    () -> Api.as(moderator).queryParam("cursor", cursor).queryParam("order", "newest")
                            .get("/api/v1/moderation/queues/all").then())) {
                ValidatableResponse r = call.get();
                isProblem(r, 400);
                r.body("type", containsString("bad-cursor"));
            }
        }
    }
}
