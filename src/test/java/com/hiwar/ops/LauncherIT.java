package com.hiwar.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hiwar.support.FreshDatabase;
import com.hiwar.support.JarInstance;
import com.hiwar.support.Tokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * deploy/run.sh, which the README, the image and the benches start the jar with: a build's first
 * run writes the class-data archive as it stops, whole or not at all, and every later start maps it.
 */
class LauncherIT {

    static final String DATABASE = "hiwar_launcher_it";

    @Test
    void theFirstStopWritesTheArchiveAndTheNextStartMapsIt() throws Exception {
        FreshDatabase.recreate(DATABASE);
        Map<String, String> settings = FreshDatabase.settings(DATABASE, 11);
        settings.put("hiwar.moderation.new-commenter-pending", "0");
        Path dir = Files.createTempDirectory("hiwar-cds");
        Map<String, String> environment = Map.of("HIWAR_CDS_DIR", dir.toString());
        Path archive = Path.of(archivePath(environment));
        assertEquals(dir, archive.getParent());

        JarInstance first = JarInstance.launch("launcher-first", settings, environment, List.of());
        try {
            first.post(Tokens.reader(Tokens.newSubject()), "launcher-it", "أول تشغيل");
            assertFalse(Files.exists(archive), "the archive is written when the first run stops, not before");
            first.terminate();
            assertNotNull(first.awaitExit(Duration.ofSeconds(90)), "the first run stops (and writes) within 90 s");
        } finally {
            first.kill();
        }
        assertTrue(Files.size(archive) > 10_000_000, "an archive of the application's classes: " + Files.size(archive) + " bytes");
        assertEquals(List.of(archive), list(dir), "the archive only, no half-written file left");

        // -Xshare:on: the JVM refuses to start at all unless it maps the archive.
        try (JarInstance second = JarInstance.launch("launcher-second", settings, environment, List.of("-Xshare:on"))) {
            assertTrue(second.commandLine().contains("-XX:SharedArchiveFile=" + archive), second.commandLine().toString());
            second.post(Tokens.reader(Tokens.newSubject()), "launcher-it", "تشغيل ثان");
        }
        assertEquals(List.of(archive), list(dir), "a start that maps the archive writes none");
    }

    private static String archivePath(Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("deploy/run.sh", "--archive");
        builder.environment().putAll(environment);
        Process p = builder.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor());
        return out;
    }

    private static List<Path> list(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
