package com.hiwar.localdev;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Makes sure the PostgreSQL and Redis a dev or test run is configured with answer: one already
 * running on this machine is used as it is; where nothing answers on a local port, an embedded
 * server starts on that very port, so every URL in the configuration stays true. A host other
 * than this machine is never touched.
 */
public final class LocalServices {

    private static final Logger LOG = Logger.getLogger(LocalServices.class);
    private static final String LOGGED = "hiwar.local-services.said";
    private static final Set<String> LOCAL = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    /** What was found or started for one service. */
    public enum Source {
        /** Already running on this machine. */
        LOCAL,
        /** Started here, embedded. */
        EMBEDDED,
        /** Elsewhere: configured to another host, left alone. */
        REMOTE
    }

    public record Choice(String service, String host, int port, Source source) {
        @Override
        public String toString() {
            return service + " at " + host + ":" + port + switch (source) {
                case LOCAL -> " (running on this machine)";
                case EMBEDDED -> " (embedded)";
                case REMOTE -> " (configured elsewhere)";
            };
        }
    }

    private LocalServices() {}

    /**
     * Ensures both services; {@code dataRoot} holds embedded data ({@code keepData}: kept across
     * runs, as dev mode wants; otherwise each run starts empty, as tests want). Logs one line.
     */
    public static synchronized List<Choice> ensure(String jdbcUrl, String redisUrl, Path dataRoot, boolean keepData) {
        List<Choice> choices = new ArrayList<>();
        if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            URI db = URI.create(jdbcUrl.strip().substring("jdbc:".length()));
            int port = db.getPort() < 0 ? 5432 : db.getPort();
            String database = db.getPath() == null || db.getPath().length() <= 1 ? "postgres" : db.getPath().substring(1);
            choices.add(ensure("PostgreSQL", db.getHost(), port,
                    () -> Embedded.postgres(port, database, dataRoot.resolve("postgres"), keepData)));
        }
        if (redisUrl != null && !redisUrl.isBlank()) {
            URI redis = URI.create(redisUrl.split(",")[0].strip());
            int port = redis.getPort() < 0 ? 6379 : redis.getPort();
            choices.add(ensure("Redis", redis.getHost(), port, () -> Embedded.redis(port)));
        }
        String line = "Local services: " + String.join("; ", choices.stream().map(Choice::toString).toList());
        // Config is built more than once per start (build time, run time, each dev-mode reload): say it once.
        if (!line.equals(System.getProperty(LOGGED))) {
            System.setProperty(LOGGED, line);
            LOG.info(line);
        }
        return choices;
    }

    private static Choice ensure(String service, String host, int port, Runnable start) {
        if (host == null || !LOCAL.contains(host.toLowerCase(Locale.ROOT))) {
            return new Choice(service, host, port, Source.REMOTE);
        }
        String embedded = "hiwar.local-services.embedded." + port;
        if (answers(port)) {
            // A JVM builds its config more than once, in more than one class loader: what it embedded stays embedded.
            return new Choice(service, host, port, System.getProperty(embedded) != null ? Source.EMBEDDED : Source.LOCAL);
        }
        start.run();
        System.setProperty(embedded, service);
        return new Choice(service, host, port, Source.EMBEDDED);
    }

    /**
     * A redis-server to run: the machine's own when it has one on the PATH, else the embedded
     * binary (extracted once), for tests that start, pause and restart servers of their own.
     */
    public static String redisServerCommand() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "redis-server"))) {
                return "redis-server";
            }
        }
        return Embedded.redisBinary();
    }

    /** Whether something accepts connections on the local port. */
    public static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
