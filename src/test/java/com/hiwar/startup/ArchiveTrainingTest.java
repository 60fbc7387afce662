package com.hiwar.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training run's linking: which logged classes it takes, and that a missing one is no failure. */
class ArchiveTrainingTest {

    @Test
    void takesTheClassesTheLogSaysCameFromAJar(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("classes.log");
        Files.writeString(log, """
                java.lang.Object source: shared objects file
                org.hibernate.grammars.hql.HqlParser$MinuteContext source: file:/app/lib/main/org.hibernate.orm.hibernate-core-7.2.14.Final.jar
                io.smallrye.config.SmallRyeConfigBuilder$$Lambda$10/0x00007f9852004880 source: io.smallrye.config.SmallRyeConfigBuilder
                com.hiwar.Example source: jar:file:/app/app/hiwar.jar!/
                jdk.internal.reflect.GeneratedConstructorAccessor1 source: __JVM_DefineClass__
                """);
        assertEquals(List.of("org.hibernate.grammars.hql.HqlParser$MinuteContext", "com.hiwar.Example"),
                ArchiveTraining.jarClasses(log));
    }

    @Test
    void linksAClassWithoutInitialisingItAndSkipsAMissingOne() {
        assertTrue(ArchiveTraining.link(NotInitialised.class.getName(), getClass().getClassLoader()));
        assertFalse(notInitialisedRan, "linking must not run a static initialiser");
        assertFalse(ArchiveTraining.link("com.hiwar.startup.NoSuchClass", getClass().getClassLoader()));
    }

    /** Set by NotInitialised's static initialiser, here so that reading it does not run that initialiser. */
    static boolean notInitialisedRan;

    static class NotInitialised {
        static final int FIELD = mark();

        static int mark() {
            notInitialisedRan = true;
            return 1;
        }
    }
}
