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

    /** Reads answered from memory on the I/O thread so far, for one endpoint; 0 before the filter's first use registers the meter. */
    public static double memoryAnswers(io.micrometer.core.instrument.MeterRegistry metrics, String endpoint) {
        var counter = metrics.find("hiwar.memory.answers").tag("endpoint", endpoint).counter();
        return counter == null ? 0 : counter.count();
    }
}
