package com.hiwar.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import com.hiwar.support.Management;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Health, metrics and the API description that operators and client authors rely on. */
@QuarkusTest
class OperationsTest {

    @Test
    void readinessChecksPostgresAndRedis() {
        Management.given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "rate-limiter"))
                .body("checks.find { it.name == 'rate-limiter' }.data.redis", equalTo("up"));
        Management.given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void prometheusMetricsAreExposed() {
        given().get("/api/v1/articles/metrics-probe/comments").then().statusCode(200);
        Management.given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void openApiDescribesEndpointsAndTheirProblems() {
        var doc = Management.given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
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

    /**
     * Security review finding 9: the application port serves no operations endpoints, and
     * request metrics keep to route templates however many unknown paths are requested.
     */
    @Test
    void operationsEndpointsAreOnlyOnTheManagementPort() {
        for (String path : new String[] {"/q/health", "/q/health/ready", "/q/metrics", "/q/openapi", "/q/openapi.json"}) {
            given().get(path).then().statusCode(404);
        }
        Management.given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void unknownPathsAndArticleIdsDoNotBecomeMetricTags() {
        for (int i = 0; i < 150; i++) {
            given().get("/no/such/path/" + i).then().statusCode(404);
            given().get("/api/v1/comments/{id}", 900_000_000 + i).then().statusCode(404);
        }
        for (int i = 0; i < 5; i++) {
            com.hiwar.support.SseClient.open("metrics-tag-" + i, null).close();
        }
        given().get("/api/v1/articles/after-the-flood/comments").then().statusCode(200);
        String metrics = Management.given().get("/q/metrics").then().statusCode(200).extract().asString();
        java.util.Set<String> uris = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("http_server_requests_seconds_count\\{[^}]*uri=\"([^\"]*)\"").matcher(metrics);
        while (m.find()) {
            uris.add(m.group(1));
        }
        org.junit.jupiter.api.Assertions.assertTrue(uris.stream().noneMatch(u -> u.contains("/no/such") || u.contains("metrics-tag")
                || u.matches(".*/9000\\d+.*")), uris.toString());
        org.junit.jupiter.api.Assertions.assertTrue(uris.contains("/api/v1/articles/{articleId}/comments"), uris.toString());
    }
}
