package com.hiwar.ratelimit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hiwar.support.Api;
import com.hiwar.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Writes pass the Redis limiter: quota headers on success, a 429 problem with Retry-After past it. */
@QuarkusTest
class RateLimitApiTest {

    @Test
    void successCarriesTheQuotaAndTheLimitAnswers429WithRetryAfter() {
        String token = Tokens.reader(Tokens.newSubject());
        String article = Api.newArticle();
        Api.post(token, article, Map.of("body", "أول"))
                .statusCode(201)
                .header("RateLimit-Policy", equalTo("\"comment-create\";q=40;w=60"))
                .header("RateLimit", matchesPattern("\"comment-create\";r=39;t=\\d+"));
        int created = 1;
        while (Api.post(token, article, Map.of("body", "تعليق " + created)).extract().statusCode() == 201) {
            created++;
        }
        assertEquals(40, created, "exactly the burst gets through");
        Api.post(token, article, Map.of("body", "واحد آخر"))
                .statusCode(429)
                .contentType("application/problem+json")
                .body("type", containsString("rate-limited"))
                .header("Retry-After", matchesPattern("\\d+"))
                .header("RateLimit", matchesPattern("\"comment-create\";r=0;t=\\d+"));
        // Another reader is not affected.
        Api.post(Tokens.reader(Tokens.newSubject()), article, Map.of("body", "قارئ آخر")).statusCode(201);
    }
}
