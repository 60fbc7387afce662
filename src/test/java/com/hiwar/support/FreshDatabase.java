package com.hiwar.support;

import com.hiwar.localdev.LocalServices;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;

/**
 * An empty PostgreSQL database for the packaged jar, so its test proves the service
 * migrates a bare database by itself. Settings reach the jar as -D options, as env vars would in production.
 */
public class FreshDatabase implements QuarkusTestResourceLifecycleManager {

    public static final String NAME = "hiwar_it";

    @Override
    public Map<String, String> start() {
        recreate(NAME);
        return settings(NAME, 2);
    }

    /**
     * The PostgreSQL and Redis the packaged jars of the integration tests use: the machine's
     * own, or embedded ones this JVM starts (the jars run the prod profile, which never embeds).
     */
    public static void ensureServices() {
        LocalServices.ensure("jdbc:postgresql://localhost:5432/postgres", "redis://localhost:6379",
                Path.of("target", "hiwar-it"), false);
    }

    /** Drops and creates an empty database. */
    public static void recreate(String name) {
        ensureServices();
        try (var c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/postgres", "postgres", "");
             var s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create the empty test database", e);
        }
    }

    /** What a packaged jar needs to run against this database, a Redis database, and the test keys. */
    public static Map<String, String> settings(String database, int redisDb) {
        return new HashMap<>(Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:5432/" + database,
                "quarkus.redis.hosts", "redis://localhost:6379/" + redisDb,
                "mp.jwt.verify.publickey.location", Path.of("src/test/resources/keys/jwks.json").toAbsolutePath().toString(),
                "mp.jwt.verify.issuer", Tokens.ISSUER,
                "mp.jwt.verify.audiences", Tokens.AUDIENCE,
                // Fault and scale-out tests post bursts on one article, which the surge autopilot
                // would slow and hold; they test failover, so it is off (bench/surge.sh tests it).
                "hiwar.moderation.surge.enabled", "false"));
    }

    @Override
    public void stop() {
        // Left in place for inspection; the next run drops it.
    }
}
