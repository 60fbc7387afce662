package com.hiwar.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The widget and the dashboard in a real browser: the Playwright suites under src/test/browser
 * (playwright-core driving Debian's Chromium, headless) against this test run's service,
 * with its PostgreSQL and Redis. Their own output says which browser test failed.
 */
@QuarkusTest
class BrowserTest {

    static final File SUITES = new File("src/test/browser");

    /**
     * Installs Chromium and playwright-core. Where that is impossible (no root for apt, no network
     * for npm) the suites are skipped with the installer's reason, and everything else still runs;
     * on CI ({@code CI=true}) a failed install fails the build instead.
     */
    @BeforeAll
    static void install() throws Exception {
        StringBuilder output = new StringBuilder();
        int status = run(new ProcessBuilder("bash", "install.sh"), 600, output);
        if (status != 0 && !"true".equals(System.getenv("CI"))) {
            String why = output.toString().strip();
            skipped = "Browser tests skipped: Chromium or playwright-core could not be installed ("
                    + (why.isEmpty() ? "install.sh exited with " + status : cause(why))
                    + "). Install the packages src/test/browser/install.sh names, then run the tests again.";
            System.out.println(skipped);
            return;
        }
        assertEquals(0, status, "installing Chromium and playwright-core failed:\n" + output);
    }

    /** The installer's line that says what failed (apt's "Unable to locate", npm's "request ... failed"), else its last. */
    private static String cause(String output) {
        return output.lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT).matches(".*(fail|unable|denied|not found).*"))
                .findFirst().orElseGet(() -> output.lines().reduce((a, b) -> b).orElse(output)).strip();
    }

    /** Why the suites cannot run on this machine, or null when they can. */
    private static String skipped;

    @Test
    void theReaderWidget() throws Exception {
        suite("widget.test.mjs");
    }

    @Test
    void theModeratorDashboard() throws Exception {
        suite("dashboard.test.mjs");
    }

    @Test
    void theNewsroomTools() throws Exception {
        suite("newsroom.test.mjs");
    }

    @Test
    void theDemoTour() throws Exception {
        suite("demo.test.mjs");
    }

    /**
     * A real WordPress with the plugin (src/test/wordpress/site.sh, served on 127.0.0.1:18097, an
     * origin the test profile allows), signing with the test key; its comments imported here first.
     */
    @Test
    void theWordPressJourney() throws Exception {
        Assumptions.assumeTrue(skipped == null, () -> skipped);
        com.hiwar.support.WordPressSite.installOrSkip();
        int run = java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000_000);
        long firstPost = java.util.concurrent.ThreadLocalRandom.current().nextLong(10_000_000L, 2_000_000_000L);
        java.nio.file.Path out = java.nio.file.Path.of("target", "wordpress", "browser-" + run);
        Process server = com.hiwar.support.WordPressSite.serve(out, 18097, run, firstPost, "http://localhost:" + RestAssured.port);
        try {
            String wp = "http://127.0.0.1:18097/run-" + run;
            String admin = com.hiwar.support.Tokens.admin(com.hiwar.support.Tokens.newSubject());
            long job = RestAssured.given().header("Authorization", "Bearer " + admin).contentType("application/xml")
                    .body(Files.readAllBytes(out.resolve("export.xml"))).post("/api/v1/admin/imports").then().statusCode(202)
                    .extract().jsonPath().getLong("id");
            for (int i = 0; i < 100 && "running".equals(RestAssured.given().header("Authorization", "Bearer " + admin)
                    .get("/api/v1/admin/imports/{id}", job).jsonPath().getString("state")); i++) {
                Thread.sleep(100);
            }
            RestAssured.given().header("Authorization", "Bearer " + com.hiwar.support.Tokens.moderator(com.hiwar.support.Tokens.newSubject()))
                    .contentType("application/json").body(java.util.Map.of("premoderation", true))
                    .put("/api/v1/moderation/articles/{id}", Long.toString(firstPost)).then().statusCode(200);
            suite("wordpress.test.mjs", java.util.Map.of("WP_URL", wp, "POST_ID", Long.toString(firstPost)));
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static void suite(String file) throws Exception {
        suite(file, java.util.Map.of());
    }

    private static void suite(String file, java.util.Map<String, String> env) throws Exception {
        // Per test, not in @BeforeAll: Surefire then counts each suite as skipped, with the reason.
        Assumptions.assumeTrue(skipped == null, () -> skipped);
        ProcessBuilder node = new ProcessBuilder("node", "--test", "--test-reporter=spec", "--test-concurrency=1", file);
        node.environment().put("BASE_URL", "http://localhost:" + RestAssured.port);
        node.environment().putAll(env);
        assertEquals(0, run(node, 900, new StringBuilder()), file + " failed: see the output above");
    }

    private static int run(ProcessBuilder process, long seconds, StringBuilder output) throws Exception {
        File log = File.createTempFile("hiwar-browser", ".log");
        Process p = process.directory(SUITES).redirectErrorStream(true).redirectOutput(log).start();
        boolean done = p.waitFor(seconds, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        output.append(Files.readString(log.toPath(), StandardCharsets.UTF_8));
        System.out.println(output);
        return done ? p.exitValue() : -1;
    }
}
