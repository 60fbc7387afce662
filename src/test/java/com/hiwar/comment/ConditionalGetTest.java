package com.hiwar.comment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.hiwar.support.Api;
import com.hiwar.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ETags and 304s on comment reads, and cache headers that keep a reader's own view out of shared caches. */
@QuarkusTest
class ConditionalGetTest {

    private final String alice = Tokens.reader(Tokens.newSubject());
    private final String moderator = Tokens.moderator(Tokens.newSubject());

    @Test
    void anUnchangedListAnswers304AndAChangedOneANewEtag() {
        String article = Api.newArticle();
        long id = Api.postId(alice, article, "أول");
        ExtractableResponse<Response> first = given().get("/api/v1/articles/{a}/comments", article).then()
                .statusCode(200).header("Cache-Control", "public, max-age=2, stale-while-revalidate=10")
                .header("Vary", "Authorization, Origin").header("Surrogate-Key", "article:" + article).extract();
        String etag = first.header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/articles/{a}/comments", article).then().statusCode(304);
        given().header("If-None-Match", "W/" + etag + ", \"other\"").get("/api/v1/articles/{a}/comments", article)
                .then().statusCode(304);
        given().header("If-None-Match", etag).get("/api/v1/comments/{id}", id).then().statusCode(200);

        Api.postId(alice, article, "ثان");
        String changed = given().header("If-None-Match", etag).get("/api/v1/articles/{a}/comments", article).then()
                .statusCode(200).extract().header("ETag");
        assertNotEquals(etag, changed);

        String single = given().get("/api/v1/comments/{id}", id).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", single).get("/api/v1/comments/{id}", id).then().statusCode(304);
        String replies = given().get("/api/v1/comments/{id}/replies", id).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", replies).get("/api/v1/comments/{id}/replies", id).then().statusCode(304);
    }

    @Test
    void aReadersOwnPendingCommentIsPrivateAndNeverInTheSharedResponse() {
        String article = Api.newArticle();
        Api.postId(alice, article, "تعليق منشور");
        Api.as(moderator).body(Map.of("premoderation", true)).put("/api/v1/moderation/articles/{a}", article)
                .then().statusCode(200);
        Api.post(alice, article, Map.of("body", "بانتظار المراجعة")).statusCode(201);

        String shared = given().get("/api/v1/articles/{a}/comments", article).then().statusCode(200)
                .header("Cache-Control", "public, max-age=2, stale-while-revalidate=10").body("comments", hasSize(1))
                .extract().header("ETag");
        ExtractableResponse<Response> mine = Api.as(alice).get("/api/v1/articles/{a}/comments", article).then()
                .statusCode(200).header("Cache-Control", "private, no-cache").header("Vary", "Authorization, Origin")
                .body("comments", hasSize(2)).extract();
        assertNotEquals(shared, mine.header("ETag"));
        // The anonymous ETag does not validate the author's view.
        Api.as(alice).header("If-None-Match", shared).get("/api/v1/articles/{a}/comments", article).then().statusCode(200);
        assertEquals(304, Api.as(alice).header("If-None-Match", mine.header("ETag"))
                .get("/api/v1/articles/{a}/comments", article).then().extract().statusCode());
    }
}
