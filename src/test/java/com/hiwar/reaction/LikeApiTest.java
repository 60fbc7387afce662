package com.hiwar.reaction;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hiwar.support.Api;
import com.hiwar.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Likes: once per reader, idempotent both ways, never on one's own comment, and sort=top. */
@QuarkusTest
class LikeApiTest {

    private final String alice = Tokens.reader(Tokens.newSubject());
    private final String bob = Tokens.reader(Tokens.newSubject());

    private static io.restassured.response.ValidatableResponse like(String token, long id) {
        return Api.as(token).put("/api/v1/comments/{id}/like", id).then();
    }

    @Test
    void likingTwiceCountsOnceAndUnlikingTwiceIsHarmless() {
        long id = Api.postId(alice, Api.newArticle(), "تعليق يستحق");
        like(bob, id).statusCode(200).body("liked", equalTo(true)).body("likes", equalTo(1));
        like(bob, id).statusCode(200).body("likes", equalTo(1));
        given().get("/api/v1/comments/{id}", id).then().body("likes", equalTo(1)).body("liked", nullValue());
        Api.as(bob).get("/api/v1/comments/{id}", id).then().body("liked", equalTo(true));
        Api.as(alice).get("/api/v1/comments/{id}", id).then().body("liked", equalTo(false));

        Api.as(bob).delete("/api/v1/comments/{id}/like", id).then().statusCode(200)
                .body("liked", equalTo(false)).body("likes", equalTo(0));
        Api.as(bob).delete("/api/v1/comments/{id}/like", id).then().statusCode(200).body("likes", equalTo(0));
    }

    @Test
    void concurrentLikesFromOneReaderCountOnce() throws Exception {
        long id = Api.postId(alice, Api.newArticle(), "سباق");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> like(bob, id).extract().statusCode()));
            }
            for (Future<Integer> r : results) {
                assertEquals(200, r.get());
            }
        } finally {
            pool.shutdown();
        }
        given().get("/api/v1/comments/{id}", id).then().body("likes", equalTo(1));
    }

    @Test
    void authorsCannotLikeTheirOwnAndPendingOrMissingCommentsCannotBeLiked() {
        String article = Api.newArticle();
        long id = Api.postId(alice, article, "تعليقي");
        like(alice, id).statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://hiwar.dev/problems/own-comment"));
        like(bob, 987654321L).statusCode(404).contentType("application/problem+json");
        Api.as(alice).delete("/api/v1/comments/{id}", id).then().statusCode(204);
        like(bob, id).statusCode(404);
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswer() {
        long id = Api.postId(alice, Api.newArticle(), "مفتاح");
        Api.as(bob).header("Idempotency-Key", "like-1").put("/api/v1/comments/{id}/like", id).then()
                .statusCode(200).body("likes", equalTo(1));
        Api.as(bob).header("Idempotency-Key", "like-1").put("/api/v1/comments/{id}/like", id).then()
                .statusCode(200).header("Idempotent-Replayed", "true").body("likes", equalTo(1));
    }

    @Test
    void topSortOrdersByLikesThenRecencyAndPagesWithACursor() {
        String article = Api.newArticle();
        long quiet = Api.postId(alice, article, "بلا إعجاب");
        long popular = Api.postId(alice, article, "الأكثر إعجابا");
        long liked = Api.postId(alice, article, "إعجاب واحد");
        long newest = Api.postId(alice, article, "أحدث بلا إعجاب");
        for (int i = 0; i < 3; i++) {
            like(Tokens.reader(Tokens.newSubject()), popular).statusCode(200);
        }
        like(bob, liked).statusCode(200);

        String cursor = given().queryParam("sort", "top").queryParam("limit", 2)
                .get("/api/v1/articles/{a}/comments", article).then().statusCode(200)
                .body("comments.id", contains((int) popular, (int) liked))
                .body("comments.likes", contains(3, 1))
                .extract().path("nextCursor");
        given().queryParam("sort", "top").queryParam("limit", 2).queryParam("cursor", cursor)
                .get("/api/v1/articles/{a}/comments", article).then().statusCode(200)
                .body("comments.id", contains((int) newest, (int) quiet))
                .body("nextCursor", nullValue());
        // A cursor from another order is refused rather than misread.
        given().queryParam("sort", "newest").queryParam("cursor", cursor)
                .get("/api/v1/articles/{a}/comments", article).then().statusCode(400)
                .contentType("application/problem+json");
    }
}
