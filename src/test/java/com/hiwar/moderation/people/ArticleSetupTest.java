package com.hiwar.moderation.people;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.hiwar.support.Api;
import com.hiwar.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A moderator sets an article up before anyone comments on it (closed, or held for review, as a
 * sensitive story is published; the WordPress plugin closing a new post): the first reader finds
 * it so.
 */
@QuarkusTest
class ArticleSetupTest {

    @Test
    void anArticleClosedBeforeItsFirstCommentTakesNone() {
        String article = Api.newArticle();
        String moderator = Tokens.moderator(Tokens.newSubject());
        Api.as(moderator).body(Map.of("open", false)).put("/api/v1/moderation/articles/{a}", article).then().statusCode(200)
                .body("id", equalTo(article)).body("open", equalTo(false));
        Api.post(Tokens.reader(Tokens.newSubject()), article, Map.of("body", "أول تعليق")).statusCode(409)
                .contentType(containsString("application/problem+json"));
        // Opened again, it takes comments; set up twice, it is the same article.
        Api.as(moderator).body(Map.of("open", true)).put("/api/v1/moderation/articles/{a}", article).then().statusCode(200)
                .body("open", equalTo(true));
        Api.post(Tokens.reader(Tokens.newSubject()), article, Map.of("body", "أول تعليق")).statusCode(201);
    }

    @Test
    void aReaderCannotSetOneUpAndABadIdIsAProblem() {
        Api.as(Tokens.reader(Tokens.newSubject())).body(Map.of("open", false)).put("/api/v1/moderation/articles/{a}", Api.newArticle())
                .then().statusCode(403);
        Api.as(Tokens.moderator(Tokens.newSubject())).body(Map.of("open", false)).put("/api/v1/moderation/articles/{a}", "bad id with spaces")
                .then().statusCode(422).contentType(containsString("application/problem+json"));
    }
}
