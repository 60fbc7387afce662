package com.hiwar.comment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hiwar.support.Api;
import com.hiwar.support.Db;
import com.hiwar.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The reader API: posting, threading, paging, visibility, editing and deleting. */
@QuarkusTest
class CommentApiTest {

    private final String alice = Tokens.reader(Tokens.newSubject());
    private final String bob = Tokens.reader(Tokens.newSubject());

    @Test
    void postingReturns201WithTheStoredCommentAndCreatesTheArticle() {
        String article = Api.newArticle();
        long id = Api.post(alice, article, Map.of("body", "  مقال رائع، شكرًا  ", "articleTitle", "عنوان المقال",
                        "articleUrl", "https://news.example/2024/05/library"))
                .statusCode(201)
                .header("Location", containsString("/api/v1/comments/"))
                .body("status", equalTo("published"))
                .body("body", equalTo("مقال رائع، شكرًا"))
                .body("dir", equalTo("rtl"))
                .body("mine", equalTo(true))
                .body("editableUntil", notNullValue())
                .body("version", equalTo(0))
                .extract().jsonPath().getLong("id");

        given().get("/api/v1/comments/{id}", id).then().statusCode(200)
                .body("body", equalTo("مقال رائع، شكرًا")).body("mine", equalTo(false));
        given().get("/api/v1/articles/{a}/comments", article).then().statusCode(200)
                .body("article.exists", equalTo(true))
                .body("article.open", equalTo(true))
                .body("article.publishedCount", equalTo(1))
                .body("article.title", equalTo("عنوان المقال"))
                .body("article.url", equalTo("https://news.example/2024/05/library"))
                .body("comments", hasSize(1));
    }

    @Test
    void englishCommentsGetLtrAndMixedTextFollowsItsFirstStrongCharacter() {
        String article = Api.newArticle();
        Api.post(alice, article, Map.of("body", "Great reporting")).statusCode(201).body("dir", equalTo("ltr"));
        Api.post(alice, article, Map.of("body", "123 — Hiwar حوار")).statusCode(201).body("dir", equalTo("ltr"));
        Api.post(alice, article, Map.of("body", "«حوار» is Arabic")).statusCode(201).body("dir", equalTo("rtl"));
    }

    @Test
    void unknownArticleIsAnEmptyPageAndReadingNeverCreatesIt() {
        String article = Api.newArticle();
        given().get("/api/v1/articles/{a}/comments", article).then().statusCode(200)
                .body("comments", hasSize(0))
                .body("article.exists", equalTo(false))
                .body("nextCursor", nullValue());
        assertEquals(0, ((Number) Db.scalar("select count(*) from articles where id = ?1", article)).intValue());
    }

    @Test
    void unknownOrMalformedIdsAre404Problems() {
        given().get("/api/v1/comments/{id}", Long.MAX_VALUE).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        given().get("/api/v1/comments/abc").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/comments/{id}/replies", Long.MAX_VALUE).then().statusCode(404);
        Api.as(alice).body(Map.of("body", "x")).patch("/api/v1/comments/{id}", Long.MAX_VALUE).then().statusCode(404);
        given().get("/api/v1/articles/{a}/comments", "bad id with spaces").then().statusCode(422)
                .contentType("application/problem+json");
    }

    @Test
    void paginationNeitherSkipsNorRepeatsWhileCommentsArrive() {
        String article = Api.newArticle();
        List<Long> original = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            original.add(Api.postId(alice, article, "تعليق رقم " + i));
        }
        for (String sort : List.of("newest", "oldest")) {
            List<Long> seen = new ArrayList<>();
            String cursor = null;
            int round = 0;
            do {
                var request = given().queryParam("sort", sort).queryParam("limit", 4);
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                JsonPath page = request.get("/api/v1/articles/{a}/comments", article).then().statusCode(200).extract().jsonPath();
                seen.addAll(page.getList("comments.id", Long.class));
                cursor = page.getString("nextCursor");
                // New comments land while the reader pages.
                Api.postId(bob, article, sort + " جديد " + round++);
            } while (cursor != null);
            List<Long> expected = new ArrayList<>(original);
            if (sort.equals("newest")) {
                java.util.Collections.reverse(expected);
                assertEquals(expected, seen, "newest-first pages must be exactly the comments that existed");
            } else {
                assertEquals(expected, seen.subList(0, expected.size()), "oldest-first pages start with the originals in order");
                assertEquals(seen.size(), new HashSet<>(seen).size(), "no comment repeats");
            }
        }
    }

    @Test
    void badPagingParametersAre400Problems() {
        String article = Api.newArticle();
        Api.postId(alice, article, "أول");
        given().queryParam("sort", "sideways").get("/api/v1/articles/{a}/comments", article).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("sort"));
        given().queryParam("limit", 0).get("/api/v1/articles/{a}/comments", article).then().statusCode(400);
        given().queryParam("limit", 1000).get("/api/v1/articles/{a}/comments", article).then().statusCode(400);
        given().queryParam("cursor", "!!!").get("/api/v1/articles/{a}/comments", article).then().statusCode(400)
                .body("type", containsString("bad-cursor"));
    }

    @Test
    void eachCommentCarriesItsOldestRepliesTheReaderMaySeeUpToThePreviewSize() {
        String article = Api.newArticle();
        long top = Api.postId(alice, article, "أعلى");
        long held = Api.replyId(bob, article, top, "رد بانتظار المراجعة");
        Db.exec("update comments set status = 'pending' where id = ?1", held);
        List<Long> shown = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            shown.add(Api.replyId(bob, article, top, "رد رقم " + i));
        }

        JsonPath anonymous = given().get("/api/v1/articles/{a}/comments", article).then().statusCode(200).extract().jsonPath();
        assertEquals(shown.subList(0, 3), anonymous.getList("comments[0].replies.id", Long.class), "the preview is 3 long");
        assertEquals(4, anonymous.getInt("comments[0].replyCount"));
        JsonPath single = given().get("/api/v1/comments/{id}", top).then().statusCode(200).extract().jsonPath();
        assertEquals(shown.subList(0, 3), single.getList("replies.id", Long.class), "a single read has the same preview");

        // The author of the held reply sees it in its place, oldest first, and counted.
        JsonPath bobs = Api.as(bob).get("/api/v1/articles/{a}/comments", article).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(held, shown.get(0), shown.get(1)), bobs.getList("comments[0].replies.id", Long.class));
        assertEquals(5, bobs.getInt("comments[0].replyCount"));
        JsonPath bobsSingle = Api.as(bob).get("/api/v1/comments/{id}", top).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(held, shown.get(0), shown.get(1)), bobsSingle.getList("replies.id", Long.class));
    }

    @Test
    void everyPageCountsEachParentsRepliesAsItsReaderMaySeeThem() {
        String article = Api.newArticle();
        long many = Api.postId(alice, article, "كثير الردود");
        for (int i = 0; i < 5; i++) {
            Api.replyId(bob, article, many, "رد " + i);
        }
        long none = Api.postId(alice, article, "بلا ردود");
        long held = Api.postId(alice, article, "رده بانتظار المراجعة");
        Db.exec("update comments set status = 'pending' where id = ?1", Api.replyId(bob, article, held, "رد محجوز"));
        // Oldest first, one per page: every page after the first is read by its cursor.
        Map<Long, Integer> expectedAnonymous = Map.of(many, 5, none, 0, held, 0);
        Map<Long, Integer> expectedBob = Map.of(many, 5, none, 0, held, 1);
        List<Map.Entry<java.util.function.Supplier<io.restassured.specification.RequestSpecification>, Map<Long, Integer>>> readers =
                List.of(Map.entry(() -> given(), expectedAnonymous), Map.entry(() -> Api.as(bob), expectedBob));
        for (var reader : readers) {
            String cursor = null;
            List<Long> seen = new ArrayList<>();
            do {
                var request = reader.getKey().get().queryParam("sort", "oldest").queryParam("limit", 1);
                JsonPath page = (cursor == null ? request : request.queryParam("cursor", cursor))
                        .get("/api/v1/articles/{a}/comments", article).then().statusCode(200).extract().jsonPath();
                long id = page.getLong("comments[0].id");
                seen.add(id);
                assertEquals(reader.getValue().get(id), page.getInt("comments[0].replyCount"), "the count of " + id);
                assertEquals(Math.min(3, reader.getValue().get(id)), page.getList("comments[0].replies").size());
                cursor = page.getString("nextCursor");
            } while (cursor != null);
            assertEquals(List.of(many, none, held), seen);
        }
    }

    @Test
    void repliesNestToTheMaximumDepthThenAttachAtTheDeepestLevel() {
        String article = Api.newArticle();
        long top = Api.postId(alice, article, "أعلى");
        long d1 = Api.replyId(bob, article, top, "رد أول");
        long d2 = Api.replyId(alice, article, d1, "رد ثان");
        long d3 = Api.replyId(bob, article, d2, "رد ثالث");
        JsonPath deeper = Api.post(alice, article, Map.of("body", "أعمق", "parentId", d3)).statusCode(201).extract().jsonPath();
        assertEquals(d2, deeper.getLong("parentId"), "a reply below depth 3 becomes a sibling of its parent");
        assertEquals(3, deeper.getInt("depth"));

        JsonPath page = given().get("/api/v1/articles/{a}/comments", article).then().statusCode(200).extract().jsonPath();
        assertEquals(1, page.getList("comments").size(), "replies are not listed as top-level comments");
        assertEquals(1, page.getInt("comments[0].replyCount"));
        assertEquals(d1, page.getLong("comments[0].replies[0].id"));
        assertEquals(1, page.getInt("comments[0].replies[0].replyCount"));

        JsonPath replies = given().get("/api/v1/comments/{id}/replies", d2).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(d3, deeper.getLong("id")), replies.getList("comments.id", Long.class));
    }

    @Test
    void topLevelPagesEmbedTheFirstRepliesAndCountTheRest() {
        String article = Api.newArticle();
        long top = Api.postId(alice, article, "موضوع");
        List<Long> replies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            replies.add(Api.replyId(bob, article, top, "رد " + i));
        }
        JsonPath page = given().get("/api/v1/articles/{a}/comments", article).then().extract().jsonPath();
        assertEquals(5, page.getInt("comments[0].replyCount"));
        assertEquals(replies.subList(0, 3), page.getList("comments[0].replies.id", Long.class));

        JsonPath first = given().queryParam("limit", 2).get("/api/v1/comments/{id}/replies", top).then().extract().jsonPath();
        assertEquals(replies.subList(0, 2), first.getList("comments.id", Long.class));
        JsonPath rest = given().queryParam("cursor", first.getString("nextCursor"))
                .get("/api/v1/comments/{id}/replies", top).then().extract().jsonPath();
        assertEquals(replies.subList(2, 5), rest.getList("comments.id", Long.class));
        assertNull(rest.getString("nextCursor"));
    }

    @Test
    void replyingAcrossArticlesOrToInvisibleCommentsIsRefused() {
        String article = Api.newArticle();
        long other = Api.postId(alice, Api.newArticle(), "في مقال آخر");
        Api.post(bob, article, Map.of("body", "رد", "parentId", other)).statusCode(422)
                .body("errors[0].field", equalTo("parentId"));
        Api.post(bob, article, Map.of("body", "رد", "parentId", Long.MAX_VALUE)).statusCode(422);
    }

    @Test
    void pendingAndRejectedCommentsAreHiddenFromOthersEverywhere() {
        String article = Api.newArticle();
        long visible = Api.postId(alice, article, "تعليق منشور");
        long pending = Api.postId(alice, article, "بانتظار المراجعة");
        long rejected = Api.postId(alice, article, "مرفوض");
        long pendingReply = Api.replyId(alice, article, visible, "رد بانتظار المراجعة");
        Db.exec("update comments set status = 'pending' where id in (?1, ?2)", pending, pendingReply);
        Db.exec("update comments set status = 'rejected' where id = ?1", rejected);

        for (var reader : List.of(given(), given().header("Authorization", "Bearer " + bob))) {
            JsonPath page = reader.get("/api/v1/articles/{a}/comments", article).then().statusCode(200).extract().jsonPath();
            assertEquals(List.of(visible), page.getList("comments.id", Long.class));
            assertEquals(0, page.getInt("comments[0].replyCount"));
            assertEquals(1, page.getInt("article.publishedCount"));
        }
        for (long hidden : List.of(pending, rejected, pendingReply)) {
            given().get("/api/v1/comments/{id}", hidden).then().statusCode(404);
            given().header("Authorization", "Bearer " + bob).get("/api/v1/comments/{id}", hidden).then().statusCode(404);
        }
        given().get("/api/v1/comments/{id}/replies", visible).then().body("comments", hasSize(0));
        Api.post(bob, article, Map.of("body", "رد", "parentId", pending)).statusCode(422);

        // The author sees their own pending comments, marked as such, but not the rejected one.
        JsonPath own = Api.as(alice).get("/api/v1/articles/{a}/comments", article).then().extract().jsonPath();
        assertEquals(Set.of(visible, pending), new HashSet<>(own.getList("comments.id", Long.class)));
        assertEquals("pending", own.getString("comments.find { it.id == " + pending + " }.status"));
        assertEquals(pendingReply, own.getLong("comments.find { it.id == " + visible + " }.replies[0].id"));
        Api.as(alice).get("/api/v1/comments/{id}", rejected).then().statusCode(404);
    }

    @Test
    void authorCanEditWithinTheWindowOnly() {
        String article = Api.newArticle();
        long id = Api.postId(alice, article, "نسخة أولى");
        Api.as(alice).body(Map.of("body", "Second version", "version", 0)).patch("/api/v1/comments/{id}", id)
                .then().statusCode(200)
                .body("body", equalTo("Second version")).body("dir", equalTo("ltr"))
                .body("version", equalTo(1)).body("editedAt", notNullValue());

        Api.as(alice).body(Map.of("body", "stale", "version", 0)).patch("/api/v1/comments/{id}", id)
                .then().statusCode(409).contentType("application/problem+json").body("type", containsString("stale-version"));
        Api.as(bob).body(Map.of("body", "not mine")).patch("/api/v1/comments/{id}", id)
                .then().statusCode(403).body("type", containsString("not-author"));

        Db.exec("update comments set created_at = now() - interval '16 minutes' where id = ?1", id);
        Api.as(alice).body(Map.of("body", "too late")).patch("/api/v1/comments/{id}", id)
                .then().statusCode(403).body("type", containsString("edit-window-closed"));
        given().get("/api/v1/comments/{id}", id).then().body("body", equalTo("Second version"));
    }

    @Test
    void deleteIsSoftKeepsRepliesUnderAPlaceholderAndIsRepeatable() {
        String article = Api.newArticle();
        long parent = Api.postId(alice, article, "سيُحذف");
        long reply = Api.replyId(bob, article, parent, "رد باقٍ");
        long lonely = Api.postId(alice, article, "يُحذف بلا ردود");

        Api.as(bob).delete("/api/v1/comments/{id}", parent).then().statusCode(403);
        Api.as(alice).delete("/api/v1/comments/{id}", parent).then().statusCode(204);
        Api.as(alice).delete("/api/v1/comments/{id}", parent).then().statusCode(204);
        Api.as(alice).delete("/api/v1/comments/{id}", lonely).then().statusCode(204);

        JsonPath page = given().get("/api/v1/articles/{a}/comments", article).then().extract().jsonPath();
        assertEquals(List.of(parent), page.getList("comments.id", Long.class), "a deleted comment without replies disappears");
        assertEquals("deleted", page.getString("comments[0].status"));
        assertNull(page.get("comments[0].body"));
        assertNull(page.get("comments[0].author"));
        assertEquals(reply, page.getLong("comments[0].replies[0].id"));
        assertEquals(1, page.getInt("article.publishedCount"));
        assertEquals("", Db.scalar("select body from comments where id = ?1", parent), "the text is gone from storage");
        Api.as(alice).body(Map.of("body", "عودة")).patch("/api/v1/comments/{id}", parent).then().statusCode(409);
        Api.post(bob, article, Map.of("body", "رد", "parentId", parent)).statusCode(409);
    }

    @Test
    void closedArticleRefusesNewCommentsWithAProblem() {
        String article = Api.newArticle();
        Api.postId(alice, article, "قبل الإغلاق");
        Db.exec("update articles set open = false where id = ?1", article);
        Api.post(bob, article, Map.of("body", "بعد الإغلاق")).statusCode(409)
                .contentType("application/problem+json").body("type", containsString("article-closed"));
        given().get("/api/v1/articles/{a}/comments", article).then().body("article.open", equalTo(false));
    }

    @Test
    void concurrentFirstCommentsOnANewArticleAllSucceed() throws Exception {
        String article = Api.newArticle();
        List<java.util.concurrent.Future<Integer>> results = new ArrayList<>();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < 8; i++) {
                String token = Tokens.reader(Tokens.newSubject());
                results.add(pool.submit(() -> Api.post(token, article, Map.of("body", "سباق")).extract().statusCode()));
            }
            for (var r : results) {
                assertEquals(201, r.get());
            }
        } finally {
            pool.shutdown();
        }
        assertTrue(given().get("/api/v1/articles/{a}/comments", article).then().extract().jsonPath()
                .getInt("article.publishedCount") == 8);
    }
}
