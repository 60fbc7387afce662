package com.hiwar.localdev;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

/**
 * Runs before the datasource and Redis client read their settings, in the dev and test profiles
 * only: {@code hiwar.local-services} (env {@code HIWAR_LOCAL_SERVICES}) is {@code auto} (use what
 * runs on this machine, else embed; the default), {@code docker} (leave both to Quarkus Dev
 * Services, which need a Docker engine) or {@code off} (connect as configured, nothing else).
 */
public class LocalServicesSource implements ConfigSourceFactory {

    private static final Logger LOG = Logger.getLogger(LocalServicesSource.class);

    static final String MODE = "hiwar.local-services";
    static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    static final String REDIS_HOSTS = "quarkus.redis.hosts";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        List<String> profiles = context.getProfiles();
        boolean dev = profiles.contains("dev");
        if (!dev && !profiles.contains("test")) {
            return List.of();
        }
        String mode = value(context, profiles, MODE, "auto").toLowerCase(Locale.ROOT);
        switch (mode) {
            case "off" -> {
                return List.of();
            }
            case "docker" -> {
                LOG.info("Local services: Quarkus Dev Services start PostgreSQL and Redis in Docker");
                return List.of(new PropertiesConfigSource(dockerSettings(), "hiwar-local-services", 275));
            }
            case "auto" -> {
                // Dev data stays across restarts of dev mode (./mvnw clean removes it); tests start empty.
                Path root = Path.of("target", dev ? "hiwar-dev" : "hiwar-test");
                LocalServices.ensure(value(context, profiles, JDBC_URL, null), value(context, profiles, REDIS_HOSTS, null),
                        root, dev);
                return List.of();
            }
            default -> throw new IllegalArgumentException(MODE + " must be auto, docker or off, not " + mode);
        }
    }

    /** Blank URLs are unset URLs: Dev Services then start containers for both. */
    static Map<String, String> dockerSettings() {
        return Map.of(JDBC_URL, "", REDIS_HOSTS, "", "quarkus.devservices.enabled", "true");
    }

    /** The value for the active profile first ({@code %test.key}), then the plain key. */
    static String value(ConfigSourceContext context, List<String> profiles, String name, String fallback) {
        for (String profile : profiles) {
            ConfigValue v = context.getValue("%" + profile + "." + name);
            if (v != null && v.getValue() != null) {
                return v.getValue();
            }
        }
        ConfigValue v = context.getValue(name);
        return v != null && v.getValue() != null ? v.getValue() : fallback;
    }
}
