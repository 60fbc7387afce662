package com.hiwar.startup;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * In the class-data archive's training run, links as it stops every class it loaded from the
 * jars. The JVM writes a dynamic archive as it exits and leaves out each class not linked by
 * then; it links the JDK loaders' classes itself, never those of Quarkus' class loader. About
 * 2,900 of them are only loaded in a run (the verifier's look-ups, Hibernate's HQL grammar until
 * its first query): without this every start parses them again from the jars (bench/README.md,
 * start-up).
 *
 * <p>deploy/run.sh names the JVM's class-load log ({@code -Xlog:class+load}) in
 * {@code hiwar.cds.loaded-classes} for the training run only; other runs do nothing here.
 */
@ApplicationScoped
class ArchiveTraining {

    private static final Logger LOG = Logger.getLogger(ArchiveTraining.class);
    static final String PROPERTY = "hiwar.cds.loaded-classes";

    /** Last among the stop observers: what they load is linked too. */
    void link(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent event) {
        String log = System.getProperty(PROPERTY);
        if (log == null) {
            return;
        }
        ClassLoader loader = ArchiveTraining.class.getClassLoader();
        Set<String> seen = new HashSet<>();
        int linked = 0;
        try {
            // Linking verifies, and the verifier loads classes of its own: link those too, until none is new.
            for (int round = 0; round < 5; round++) {
                int before = linked;
                for (String name : jarClasses(Path.of(log))) {
                    if (seen.add(name) && link(name, loader)) {
                        linked++;
                    }
                }
                if (linked == before) {
                    break;
                }
            }
        } catch (IOException e) {
            LOG.warnf("class-data training: cannot read %s (%s); the archive leaves unlinked classes out", log, e);
            return;
        }
        LOG.debugf("class-data training: %d classes linked for the archive", linked);
    }

    /** The classes the log (no decorations) says came from a jar: {@code name source: file:...jar} or {@code jar:...}. */
    static List<String> jarClasses(Path log) throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains(" source: file:") || line.contains(" source: jar:"))
                .map(line -> line.substring(0, line.indexOf(' ')))
                .toList();
    }

    /** Links a class without initialising it: reflection on its declared members links it first. */
    static boolean link(String name, ClassLoader loader) {
        try {
            Class.forName(name, false, loader).getDeclaredFields();
            return true;
        } catch (LinkageError | ClassNotFoundException e) {
            return false;   // an optional dependency absent: the class stays out, as before
        }
    }
}
