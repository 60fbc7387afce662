package com.hiwar.localdev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

/**
 * What the fallback chooses: nothing in prod, the machine's own servers where they answer, an
 * embedded server on a local port where nothing does, and never anything for another host.
 * (The full fallback, PostgreSQL included, is deploy/fresh-machine-check.sh.)
 */
class LocalServicesTest {

    @Test
    void theProdProfileIsLeftAlone() {
        int port = freePort();
        assertEquals(List.of(), sources(List.of("prod"), Map.of(
                "quarkus.redis.hosts", "redis://localhost:" + port)));
        assertFalse(LocalServices.answers(port), "prod never starts a server");
    }

    @Test
    void dockerLeavesBothToDevServicesAndOffToTheConfiguration() {
        List<ConfigSource> docker = sources(List.of("dev"), Map.of("hiwar.local-services", "docker"));
        assertEquals(1, docker.size());
        ConfigSource settings = docker.get(0);
        assertEquals("", settings.getValue("quarkus.datasource.jdbc.url"), "a blank URL is an unset one");
        assertEquals("", settings.getValue("quarkus.redis.hosts"));
        assertEquals("true", settings.getValue("quarkus.devservices.enabled"));
        int port = freePort();
        assertEquals(List.of(), sources(List.of("test"), Map.of("%test.hiwar.local-services", "off",
                "quarkus.redis.hosts", "redis://localhost:" + port)));
        assertFalse(LocalServices.answers(port));
    }

    @Test
    void aLocalPortWithNothingOnItGetsAnEmbeddedServerAndOtherHostsAreLeftAlone() {
        int port = freePort();
        List<LocalServices.Choice> first = LocalServices.ensure(null, "redis://localhost:" + port + "/1", Path.of("target"), false);
        assertEquals(LocalServices.Source.EMBEDDED, first.get(0).source());
        assertTrue(LocalServices.answers(port));
        // Config is built more than once per start: the second look finds the same server, still "embedded".
        assertEquals(LocalServices.Source.EMBEDDED,
                LocalServices.ensure(null, "redis://127.0.0.1:" + port, Path.of("target"), false).get(0).source());

        List<LocalServices.Choice> remote = LocalServices.ensure("jdbc:postgresql://db.internal.example:5432/hiwar",
                "redis://cache.internal.example:6379", Path.of("target"), false);
        assertEquals(List.of(LocalServices.Source.REMOTE, LocalServices.Source.REMOTE),
                remote.stream().map(LocalServices.Choice::source).toList());
    }

    @Test
    void theMachinesOwnServersAreUsedAsTheyAre() throws IOException {
        try (ServerSocket running = new ServerSocket(0)) {
            assertEquals(LocalServices.Source.LOCAL, LocalServices.ensure(null, "redis://localhost:" + running.getLocalPort(),
                    Path.of("target"), false).get(0).source());
        }
    }

    private static List<ConfigSource> sources(List<String> profiles, Map<String, String> values) {
        ConfigSourceContext context = new ConfigSourceContext() {
            @Override
            public ConfigValue getValue(String name) {
                return ConfigValue.builder().withName(name).withValue(values.get(name)).build();
            }

            @Override
            public Iterator<String> iterateNames() {
                return values.keySet().iterator();
            }

            @Override
            public List<String> getProfiles() {
                return profiles;
            }
        };
        return StreamSupport.stream(new LocalServicesSource().getConfigSources(context).spliterator(), false).toList();
    }

    private static int freePort() {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
