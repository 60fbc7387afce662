package com.hiwar.comment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hiwar.support.FreshDatabase;
import com.hiwar.support.JarInstance;
import com.hiwar.support.Tokens;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Two packaged instances, each keeping the anonymous first page in memory: a comment posted,
 * rejected or liked on one shows in the other's kept page within a second.
 */
class PublicPagesTwoInstancesIT {

    static final String DATABASE = "hiwar_pages_it";

    @Test
    void aChangeOnOneInstanceReachesTheOthersKeptPageWithinASecond() throws Exception {
        FreshDatabase.recreate(DATABASE);
        Map<String, String> settings = FreshDatabase.settings(DATABASE, 7);
        settings.put("hiwar.live.channel", "hiwar:live:pages-it");
        settings.put("hiwar.moderation.new-commenter-pending", "0");
        try (JarInstance a = JarInstance.start("pages-a", settings);
             JarInstance b = JarInstance.start("pages-b", settings)) {
            String article = "art-" + UUID.randomUUID();
            String alice = Tokens.reader(Tokens.newSubject());
            long first = a.post(alice, article, "على الخادم أ");
            assertEquals(List.of(first), page(b, article).getList("comments.id", Long.class)); // b keeps it now

            long second = a.post(alice, article, "ثم تعليق آخر على أ");
            within1s(b, article, p -> p.getList("comments.id", Long.class).equals(List.of(second, first)));

            given().baseUri(b.base()).header("Authorization", "Bearer " + Tokens.moderator(Tokens.newSubject()))
                    .contentType("application/json").body(Map.of("action", "reject", "reason", "abuse",
                            "version", page(b, article).getInt("comments[1].version")))
                    .post("/api/v1/moderation/comments/{id}/decision", first).then().statusCode(200);
            within1s(a, article, p -> p.getList("comments.id", Long.class).equals(List.of(second)));

            given().baseUri(b.base()).header("Authorization", "Bearer " + Tokens.reader(Tokens.newSubject()))
                    .put("/api/v1/comments/{id}/like", second).then().statusCode(200);
            within1s(a, article, p -> p.getInt("comments[0].likes") == 1);
        }
    }

    static JsonPath page(JarInstance instance, String article) {
        return given().baseUri(instance.base()).get("/api/v1/articles/{a}/comments", article).then().statusCode(200)
                .extract().jsonPath();
    }

    static void within1s(JarInstance instance, String article, Predicate<JsonPath> condition) throws InterruptedException {
        long start = System.nanoTime();
        JsonPath p = page(instance, article);
        while (!condition.test(p) && System.nanoTime() - start < 1_000_000_000L) {
            Thread.sleep(20);
            p = page(instance, article);
        }
        assertTrue(condition.test(p), "after " + (System.nanoTime() - start) / 1_000_000 + " ms: " + p.prettify());
    }
}
