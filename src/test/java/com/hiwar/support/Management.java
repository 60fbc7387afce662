package com.hiwar.support;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** The management interface (health, metrics, OpenAPI): its own port, never the application's. */
public final class Management {

    private Management() {}

    /**
     * 9001 for @QuarkusTest (quarkus.management.test-port); 9000, the production port, for the
     * packaged jar of @QuarkusIntegrationTest. The pom tells each plugin's JVM which.
     */
    public static int port() {
        return Integer.getInteger("hiwar.test.management-port", 9001);
    }

    public static String base() {
        return "http://localhost:" + port();
    }

    public static RequestSpecification given() {
        return io.restassured.RestAssured.given().baseUri("http://localhost").port(port());
    }
}
