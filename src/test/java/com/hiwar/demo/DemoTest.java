package com.hiwar.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.hiwar.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dev demo: an Arabic article page and a sign-in that mints working tokens. (Absent from prod: ProdJarIT.) */
@QuarkusTest
class DemoTest {

    @Test
    void demoArticleIsServedInArabicWithAStrictCsp() {
        given().get("/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .body(containsString("lang=\"ar\" dir=\"rtl\""))
                .body(containsString("hiwar-comments"));
        given().get("/demo/demo.js").then().statusCode(200).contentType(containsString("javascript"));
        given().get("/demo/../application.properties").then().statusCode(404);
    }

    @Test
    void devSignInMintsTokensThatTheApiAccepts() {
        var reader = given().post("/dev/sign-in?as=reader").then().statusCode(200)
                .body("subject", equalTo("demo-reader")).extract().jsonPath();
        Api.post(reader.getString("token"), Api.newArticle(), Map.of("body", "من الحساب التجريبي"))
                .statusCode(201).body("author.name", equalTo("قارئة تجريبية"));

        given().post("/dev/sign-in?as=moderator").then().statusCode(200)
                .body("groups", hasItem("moderator"));
        given().post("/dev/sign-in?as=root").then().statusCode(422).contentType("application/problem+json");
    }
}
