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
