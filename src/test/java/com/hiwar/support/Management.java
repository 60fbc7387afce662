package com.hiwar.support;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

/** The management interface (health, metrics, OpenAPI): its own port, never the application's. */
public final class Management {

    private Management() {}

    /** 9001 for @QuarkusTest (quarkus.management.test-port); the jar's own port otherwise. */
    public static int port() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.management.test-port", Integer.class).orElse(9001);
    }

    public static String base() {
        return "http://localhost:" + port();
    }

    public static RequestSpecification given() {
        return io.restassured.RestAssured.given().baseUri("http://localhost").port(port());
    }
}
