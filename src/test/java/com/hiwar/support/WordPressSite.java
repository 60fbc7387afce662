package com.hiwar.support;

import java.io.File;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real WordPress for the tests (src/test/wordpress): its packages are installed first. Where
 * they cannot be (no root for apt), the test is skipped with the reason; on CI ({@code CI=true})
 * it fails instead, as the browser tests do.
 */
public final class WordPressSite {

    private WordPressSite() {}

    /**
     * Makes a site (src/test/wordpress/site.sh, in {@code out}) and serves it on 127.0.0.1:{@code
     * port} under {@code /run-<run>}, the plugin pointing at {@code hiwarUrl} and signing with the
     * test key; returns once it serves. Stop it with {@link Process#destroy}.
     */
    public static Process serve(java.nio.file.Path out, int port, int run, long firstPost, String hiwarUrl) throws Exception {
        ProcessBuilder wordpress = new ProcessBuilder("bash", "src/test/wordpress/site.sh", out.toString(),
                "127.0.0.1:" + port + "/run-" + run, Long.toString(firstPost));
        wordpress.environment().putAll(java.util.Map.of("SERVE_PORT", Integer.toString(port), "SCHEME", "http",
                "HIWAR_URL", hiwarUrl, "HIWAR_ISSUER", Tokens.ISSUER,
                "HIWAR_KEY", new File("src/test/resources/keys/rsa-private.pem").getAbsolutePath(), "HIWAR_KID", "rsa-2048"));
        File log = File.createTempFile("hiwar-wordpress", ".log");
        Process server = wordpress.redirectErrorStream(true).redirectOutput(log).start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!Files.readString(log.toPath()).contains("serving on")) {
            if (!server.isAlive() || System.nanoTime() > deadline) {
                server.destroy();
                throw new AssertionError("WordPress did not come up:\n" + Files.readString(log.toPath()));
            }
            Thread.sleep(200);
        }
        return server;
    }

    public static void installOrSkip() throws Exception {
        File log = File.createTempFile("hiwar-wordpress-install", ".log");
        Process p = new ProcessBuilder("bash", "src/test/wordpress/install.sh").redirectErrorStream(true).redirectOutput(log).start();
        boolean done = p.waitFor(10, TimeUnit.MINUTES);
        int status = done ? p.exitValue() : -1;
        String output = Files.readString(log.toPath()).strip();
        if (status != 0 && !"true".equals(System.getenv("CI"))) {
            Assumptions.abort("WordPress, PHP or MariaDB could not be installed (" + output.lines().reduce((a, b) -> b).orElse("exit " + status)
                    + "). Install the packages src/test/wordpress/install.sh names, then run the tests again.");
        }
        if (status != 0) {
            throw new IllegalStateException("installing WordPress, PHP and MariaDB failed:\n" + output);
        }
    }
}
