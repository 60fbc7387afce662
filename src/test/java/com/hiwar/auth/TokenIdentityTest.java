package com.hiwar.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hiwar.support.Api;
import com.hiwar.support.Db;
import com.hiwar.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Security review findings 1 and 10: a reader is their token's {@code sub} and nothing else.
 * {@code upn} and {@code preferred_username} are claims a reader (or a misconfigured login)
 * can set to anything, and a blank {@code sub} would be an account everyone shares.
 */
@QuarkusTest
class TokenIdentityTest {

    @Test
    void aPreferredUsernameNamingAnotherReaderOpensNothingOfTheirs() {
        String subjectA = Tokens.newSubject();
        String a = Tokens.reader(subjectA);
        String article = Api.newArticle();
        long held = Api.postId(a, article, "تعليق ينتظر المراجعة");
        Db.exec("update comments set status = 'pending' where id = ?1", held);

        for (String claim : List.of("preferred_username", "upn")) {
            String b = Tokens.rs256(Tokens.claims(Tokens.newSubject()).claim(claim, subjectA).claim("name", "B"));
            Api.as(b).get("/api/v1/comments/{id}", held).then().statusCode(404);
            assertEquals(List.of(), Api.as(b).get("/api/v1/articles/{a}/comments", article)
                    .then().statusCode(200).extract().jsonPath().getList("comments.id", Long.class));
        }
        // A itself still sees its held comment.
        Api.as(a).get("/api/v1/comments/{id}", held).then().statusCode(200).body("status", equalTo("pending"));
    }

    @Test
    void aReaderWhosePreferredUsernameDiffersFromTheirSubSeesTheirOwnHeldComment() {
        String token = Tokens.rs256(Tokens.claims(Tokens.newSubject())
                .claim("preferred_username", "someone-else-" + System.nanoTime()).upn("upn-" + System.nanoTime()));
        String article = Api.newArticle();
        long held = Api.postId(token, article, "تعليقي المعلق");
        Db.exec("update comments set status = 'pending' where id = ?1", held);
        Api.as(token).get("/api/v1/comments/{id}", held).then().statusCode(200).body("status", equalTo("pending"));
        assertEquals(List.of(held), Api.as(token).get("/api/v1/articles/{a}/comments", article)
                .then().extract().jsonPath().getList("comments.id", Long.class));
    }

    @Test
    void aBlankSubjectIsNoAccount() {
        for (String blank : List.of("", " ", "\t")) {
            String token = Tokens.rs256(Tokens.claims(blank));
            Api.as(token).get("/api/v1/me").then().statusCode(401).contentType("application/problem+json");
            Api.post(token, Api.newArticle(), java.util.Map.of("body", "نص")).statusCode(401);
        }
        assertEquals(0L, ((Number) Db.scalar("select count(*) from users where btrim(subject) = ''")).longValue());
        given().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void nobodySignsInAsAGuestAnImportMerged() {
        String token = Tokens.rs256(Tokens.claims("guest:0123456789abcdef0123456789abcdef"));
        Api.as(token).get("/api/v1/me").then().statusCode(401).contentType("application/problem+json");
        Api.post(token, Api.newArticle(), java.util.Map.of("body", "نص")).statusCode(401);
    }
}
