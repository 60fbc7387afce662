package com.hiwar.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.hiwar.support.Api;
import com.hiwar.support.Db;
import com.hiwar.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Proves which publisher tokens open a write, and that every refusal is a 401 problem. */
@QuarkusTest
class JwtSignInTest {

    private static final Map<String, Object> BODY = Map.of("body", "تعليق للتجربة");

    private void accepted(String token) {
        Api.post(token, Api.newArticle(), BODY).statusCode(201);
    }

    private void rejected(String token) {
        Api.post(token, Api.newArticle(), BODY)
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401))
                .body("type", containsString("/problems/"));
    }

    @Test
    void rs256AndEs256TokensAreAccepted() {
        accepted(Tokens.rs256(Tokens.claims(Tokens.newSubject())));
        accepted(Tokens.es256(Tokens.claims(Tokens.newSubject())));
    }

    @Test
    void algNoneIsRejected() {
        long now = Instant.now().getEpochSecond();
        rejected(Tokens.raw("{\"alg\":\"none\",\"typ\":\"JWT\"}", Tokens.payload(Tokens.newSubject(), now, now + 600), null, null));
    }

    @Test
    void hs256SignedWithThePublicKeyIsRejected() {
        long now = Instant.now().getEpochSecond();
        byte[] publicPem = Tokens.resource("rsa-public.pem").getBytes(StandardCharsets.US_ASCII);
        rejected(Tokens.raw("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"rsa-2048\"}",
                Tokens.payload(Tokens.newSubject(), now, now + 600), "HmacSHA256", publicPem));
        rejected(Tokens.raw("{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
                Tokens.payload(Tokens.newSubject(), now, now + 600), "HmacSHA256", publicPem));
    }

    @Test
    void expiryAllowsThirtySecondsOfSkewAndNoMore() {
        Instant now = Instant.now();
        accepted(Tokens.rs256(Tokens.claims(Tokens.newSubject()).issuedAt(now.minusSeconds(600)).expiresAt(now.minusSeconds(10))));
        rejected(Tokens.rs256(Tokens.claims(Tokens.newSubject()).issuedAt(now.minusSeconds(600)).expiresAt(now.minusSeconds(45))));
    }

    @Test
    void wrongIssuerOrAudienceIsRejected() {
        rejected(Tokens.rs256(Tokens.claims(Tokens.newSubject()).issuer("https://evil.example")));
        rejected(Tokens.rs256(Tokens.claims(Tokens.newSubject()).audience("another-service")));
    }

    @Test
    void issuedAtInTheFutureIsRejected() {
        Instant now = Instant.now();
        rejected(Tokens.rs256(Tokens.claims(Tokens.newSubject()).issuedAt(now.plusSeconds(300)).expiresAt(now.plusSeconds(900))));
    }

    @Test
    void rsaKeyShorterThan2048BitsIsRejected() {
        long now = Instant.now().getEpochSecond();
        // The 1024-bit key's public half IS in the trusted key set: only its length can fail it.
        rejected(Tokens.raw("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"rsa-1024\"}",
                Tokens.payload(Tokens.newSubject(), now, now + 600), "SHA256withRSA",
                Tokens.key("rsa1024-private.pem", "RSA")));
    }

    @Test
    void tokenWithoutSubjectIsRejected() {
        Instant now = Instant.now();
        rejected(Tokens.rs256(io.smallrye.jwt.build.Jwt.issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE)
                .issuedAt(now).expiresAt(now.plusSeconds(600)).claim("name", "nobody")));
    }

    @Test
    void garbageAndTamperedTokensAreRejected() {
        rejected("not-a-jwt");
        String good = Tokens.reader(Tokens.newSubject());
        rejected(good.substring(0, good.length() - 4) + "AAAA");
    }

    @Test
    void tokenInTheQueryStringIsNeverAccepted() {
        String token = Tokens.reader(Tokens.newSubject());
        given().contentType(ContentType.JSON).body(BODY)
                .queryParam("access_token", token).queryParam("token", token).queryParam("jwt", token)
                .when().post("/api/v1/articles/{a}/comments", Api.newArticle())
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void writesWithoutTokenAre401Problems() {
        given().contentType(ContentType.JSON).body(BODY)
                .when().post("/api/v1/articles/{a}/comments", Api.newArticle())
                .then().statusCode(401).contentType("application/problem+json")
                .body("title", equalTo("Sign-in required"));
        given().when().delete("/api/v1/comments/1").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void userIsCreatedOnFirstSightAndTheNameFollowsTheToken() {
        String sub = Tokens.newSubject();
        String article = Api.newArticle();
        Api.post(Tokens.rs256(Tokens.claims(sub).claim("preferred_username", "layla_m")), article, BODY)
                .statusCode(201).body("author.name", equalTo("layla_m"));
        Api.post(Tokens.rs256(Tokens.claims(sub).claim("name", "ليلى محمود").claim("preferred_username", "layla_m")), article, BODY)
                .statusCode(201).body("author.name", equalTo("ليلى محمود"));
        Number users = (Number) Db.scalar("select count(*) from users where subject = ?1", sub);
        org.junit.jupiter.api.Assertions.assertEquals(1, users.intValue());
    }

    @Test
    void bannedUserGets403EvenWithAValidToken() {
        String sub = Tokens.newSubject();
        String token = Tokens.reader(sub);
        long id = Api.postId(token, Api.newArticle(), "قبل الحظر");
        Db.exec("update users set status = 'banned' where subject = ?1", sub);
        Api.post(token, Api.newArticle(), BODY).statusCode(403)
                .contentType("application/problem+json").body("type", containsString("user-banned"));
        Api.as(token).body(Map.of("body", "تعديل")).patch("/api/v1/comments/{id}", id).then().statusCode(403);
        Api.as(token).delete("/api/v1/comments/{id}", id).then().statusCode(403);

        Db.exec("update users set banned_until = now() - interval '1 minute' where subject = ?1", sub);
        Api.post(token, Api.newArticle(), BODY).statusCode(201);
    }

    @Test
    void readsArePublicButABadTokenOnAReadIsStill401() {
        given().when().get("/api/v1/articles/{a}/comments", Api.newArticle()).then().statusCode(200);
        given().header("Authorization", "Bearer nonsense")
                .when().get("/api/v1/articles/{a}/comments", Api.newArticle())
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void endpointsWithoutASecurityAnnotationAreDenied() {
        given().get("/test-only/unannotated").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + Tokens.reader(Tokens.newSubject()))
                .get("/test-only/unannotated").then().statusCode(403).contentType("application/problem+json");
    }
}
