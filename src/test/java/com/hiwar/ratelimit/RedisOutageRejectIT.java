package com.hiwar.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.hiwar.support.Api;
import com.hiwar.support.OwnRedis;
import com.hiwar.support.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With on-redis-failure=reject, a Redis outage pauses writes with a 503 problem and takes the instance out of readiness; reads go on. */
@QuarkusIntegrationTest
@WithTestResource(value = OwnRedis.class, initArgs = @ResourceArg(name = "hiwar.ratelimit.on-redis-failure", value = "reject"))
class RedisOutageRejectIT {

    @Test
    void writesAre503UntilRedisReturns() throws Exception {
        String article = Api.newArticle();
        String reader = Tokens.reader(Tokens.newSubject());
        Api.post(reader, article, Map.of("body", "قبل")).statusCode(201);
        OwnRedis.stopServer();
        try {
            RedisOutageIT.timedPost(reader, article, "أثناء").statusCode(503)
                    .contentType("application/problem+json")
                    .body("type", containsString("rate-limiter-unavailable"))
                    .header("Retry-After", equalTo("2"));
            given().get("/api/v1/articles/{a}/comments", article).then().statusCode(200)
                    .body("article.exists", equalTo(true));
            for (int i = 0; i < 3; i++) {
                RedisOutageIT.timedPost(reader, article, "محاولة " + i).statusCode(503);
            }
            RedisOutageIT.limiterHealth().statusCode(503).body("status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'rate-limiter' }.data.mode", equalTo("rejecting writes"));
        } finally {
            OwnRedis.startServer();
        }
        RedisOutageIT.awaitRedisUp();
        Api.post(reader, article, Map.of("body", "بعد")).statusCode(201);
    }
}
