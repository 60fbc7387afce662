package com.hiwar.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server of a test's own, made with the machine's binaries (initdb, pg_basebackup,
 * pg_ctl) in a temporary directory on a free port: a primary, or a streaming standby of one. As
 * root the commands run as the postgres user, since PostgreSQL refuses to run as root.
 */
public final class PgNode implements AutoCloseable {

    public final int port;
    private final Path data;

    private PgNode(int port, Path data) {
        this.port = port;
        this.data = data;
    }

    /** A primary that waits for one synchronous standby before a commit returns. */
    public static PgNode primary() throws Exception {
        PgNode node = new PgNode(freePort(), directory("primary"));
        node.run(bin("initdb"), "-D", node.data.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
        Files.writeString(node.data.resolve("postgresql.conf"), String.join("\n", "",
                "listen_addresses = '127.0.0.1'",
                "port = " + node.port,
                "unix_socket_directories = '" + node.data + "'",
                "wal_level = replica",
                "max_wal_senders = 5",
                "hot_standby = on",
                "synchronous_standby_names = '*'",
                "synchronous_commit = on",
                "fsync = off", // the test's own throwaway data; replication, not the disk, is what is tested
                ""), java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(node.data.resolve("pg_hba.conf"), "host replication all 127.0.0.1/32 trust\n",
                java.nio.file.StandardOpenOption.APPEND);
        node.start();
        return node;
    }

    /** A streaming standby of {@code primary}, from a base backup. */
    public static PgNode standbyOf(PgNode primary) throws Exception {
        PgNode node = new PgNode(freePort(), directory("standby"));
        Files.delete(node.data);
        node.run(bin("pg_basebackup"), "-h", "127.0.0.1", "-p", Integer.toString(primary.port), "-U", "postgres",
                "-D", node.data.toString(), "-R", "-X", "stream", "--checkpoint=fast");
        Files.writeString(node.data.resolve("postgresql.conf"), "\nport = " + node.port + "\nunix_socket_directories = '" + node.data + "'\n",
                java.nio.file.StandardOpenOption.APPEND);
        node.start();
        return node;
    }

    private void start() throws Exception {
        run(bin("pg_ctl"), "-D", data.toString(), "-l", data.resolve("server.log").toString(), "-w", "-t", "60", "start");
    }

    /** As in a crash: no checkpoint, connections cut. */
    public void crash() throws Exception {
        run(bin("pg_ctl"), "-D", data.toString(), "-m", "immediate", "-w", "stop");
    }

    public void promote() throws Exception {
        run(bin("pg_ctl"), "-D", data.toString(), "-w", "promote");
    }

    public String jdbc(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The multi-host URL a deployment uses: every server, and only the primary taken (connections fail fast). */
    public static String failoverUrl(String database, PgNode... nodes) {
        return "jdbc:postgresql://" + java.util.Arrays.stream(nodes).map(n -> "127.0.0.1:" + n.port)
                .collect(java.util.stream.Collectors.joining(",")) + "/" + database + "?targetServerType=primary&connectTimeout=2";
    }

    public Connection connect(String database) throws Exception {
        return DriverManager.getConnection(jdbc(database), "postgres", "");
    }

    public String log() {
        try {
            return Files.readString(data.resolve("server.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() {
        try {
            run(bin("pg_ctl"), "-D", data.toString(), "-m", "immediate", "stop");
        } catch (Exception alreadyStopped) {
            // crashed on purpose, or never started
        }
    }

    private static String bin(String name) throws IOException {
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin").resolve(name)).filter(Files::isExecutable)
                    .max(java.util.Comparator.naturalOrder())
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL " + name + " under /usr/lib/postgresql"))
                    .toString();
        }
    }

    private static Path directory(String role) throws Exception {
        Path dir = Files.createTempDirectory("hiwar-pg-" + role);
        if (isRoot()) {
            new ProcessBuilder("chown", "postgres:postgres", dir.toString()).start().waitFor();
        }
        return dir;
    }

    private void run(String... command) throws Exception {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out + "\n" + log());
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }
}
