package com.hiwar.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Health, metrics and the API description that operators and client authors rely on. */
@QuarkusTest
class OperationsTest {

    @Test
    void readinessChecksPostgresAndRedis() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "rate-limiter"))
                .body("checks.find { it.name == 'rate-limiter' }.data.redis", equalTo("up"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void prometheusMetricsAreExposed() {
        given().get("/api/v1/articles/metrics-probe/comments").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void openApiDescribesEndpointsAndTheirProblems() {
        var doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        String post = "paths.'/api/v1/articles/{articleId}/comments'.post";
        org.hamcrest.MatcherAssert.assertThat(doc.getMap(post + ".responses").keySet(),
                hasItems("201", "400", "401", "403", "409", "413", "415", "422", "500"));
        org.hamcrest.MatcherAssert.assertThat(
                doc.getString(post + ".responses.'401'.content.'application/problem+json'.schema.'$ref'"),
                equalTo("#/components/schemas/Problem"));
        org.hamcrest.MatcherAssert.assertThat(doc.get("components.schemas.Problem"), notNullValue());
        org.hamcrest.MatcherAssert.assertThat(doc.getMap("paths.'/api/v1/comments/{id}'").keySet(),
                hasItems("get", "patch", "delete"));
    }
}
