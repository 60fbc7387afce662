package com.hiwar;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hiwar.support.Api;
import com.hiwar.support.FreshDatabase;
import com.hiwar.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged jar, in the prod profile, against an empty database: what production runs. */
@QuarkusIntegrationTest
@WithTestResource(FreshDatabase.class)
class ProdJarIT {

    @Test
    void migratesAnEmptyDatabaseAndServes() {
        com.hiwar.support.Management.given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        String article = Api.newArticle();
        // Production holds a new commenter's first comment for review (HIWAR_MODERATION_NEW_COMMENTER_PENDING=1)...
        Api.post(Tokens.reader(Tokens.newSubject()), article, Map.of("body", "من الإنتاج")).statusCode(201)
                .body("status", equalTo("pending"));
        // ...moderators are never held, and the shipped word lists are in place.
        Api.post(Tokens.moderator(Tokens.newSubject()), article, Map.of("body", "أهلا بكم")).statusCode(201)
                .body("status", equalTo("published"));
        Api.post(Tokens.moderator(Tokens.newSubject()), article, Map.of("body", "كـس امك")).statusCode(201)
                .body("status", equalTo("rejected"));
        given().get("/api/v1/articles/{a}/comments", article).then().statusCode(200)
                .body("article.publishedCount", equalTo(1));
    }

    @Test
    void demoPageAndDevSignInDoNotExistInProd() {
        given().get("/").then().statusCode(404);
        given().get("/demo/demo.js").then().statusCode(404);
        given().post("/dev/sign-in?as=moderator").then().statusCode(404);
        given().post("/dev/sign-in").then().statusCode(404);
    }

    @Test
    void refusesToStartWithoutTokenVerificationSettings() throws Exception {
        File log = File.createTempFile("hiwar-nokeys", ".log");
        Process jar = new ProcessBuilder("java", "-Dquarkus.http.port=0",
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://localhost:5432/" + FreshDatabase.NAME,
                "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
        try {
            assertTrue(jar.waitFor(60, TimeUnit.SECONDS), "the jar should stop by itself");
        } finally {
            jar.destroyForcibly();
        }
        assertNotEquals(0, jar.exitValue());
        String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        assertTrue(output.contains("refuses to start without token verification settings")
                && output.contains("MP_JWT_VERIFY_ISSUER"), output);
    }
}
