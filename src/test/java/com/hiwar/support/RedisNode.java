package com.hiwar.support;

import com.hiwar.localdev.LocalServices;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One redis-server process of a test's own (a server or a sentinel) on a free port, with the
 * machine's binary (or the embedded one), so a test can build a replicated deployment, kill a
 * master with SIGKILL and watch the sentinels fail over. Commands go over plain RESP.
 */
public final class RedisNode implements AutoCloseable {

    public final int port;
    private final Path dir;
    private final Process process;

    private RedisNode(int port, Path dir, Process process) {
        this.port = port;
        this.dir = dir;
        this.process = process;
    }

    /** A server without persistence; {@code args} add to its command line (e.g. --replicaof). */
    public static RedisNode server(String... args) throws Exception {
        int port = freePort();
        Path dir = Files.createTempDirectory("hiwar-redis-" + port);
        List<String> command = new ArrayList<>(List.of(LocalServices.redisServerCommand(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString()));
        command.addAll(List.of(args));
        return start(port, dir, command);
    }

    /** A sentinel watching the master {@code name} at {@code masterPort}, quorum 2, declaring it down after 1 s. */
    public static RedisNode sentinel(String name, int masterPort) throws Exception {
        int port = freePort();
        Path dir = Files.createTempDirectory("hiwar-sentinel-" + port);
        Path conf = dir.resolve("sentinel.conf");
        Files.writeString(conf, String.join("\n", "port " + port, "bind 127.0.0.1", "dir " + dir,
                "sentinel monitor " + name + " 127.0.0.1 " + masterPort + " 2",
                "sentinel down-after-milliseconds " + name + " 1000",
                "sentinel failover-timeout " + name + " 5000",
                "sentinel parallel-syncs " + name + " 1", ""));
        return start(port, dir, List.of(LocalServices.redisServerCommand(), conf.toString(), "--sentinel"));
    }

    /** The application's settings for Redis behind these sentinels, watching the master {@code name}. */
    public static void useSentinels(java.util.Map<String, String> settings, String name, RedisNode... sentinels) {
        settings.put("quarkus.redis.client-type", "sentinel");
        settings.put("quarkus.redis.hosts", java.util.Arrays.stream(sentinels).map(s -> "redis://127.0.0.1:" + s.port)
                .collect(java.util.stream.Collectors.joining(",")));
        settings.put("quarkus.redis.master-name", name);
        settings.put("quarkus.redis.role", "master");
    }

    private static RedisNode start(int port, Path dir, List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile()).start();
        RedisNode node = new RedisNode(port, dir, process);
        await(() -> node.command("PING").equals("+PONG"), 20, "redis on " + port + " did not start: " + node.log());
        return node;
    }

    /** SIGSTOP / SIGCONT: the process holds its connections and answers nothing, as in a network stall. */
    public void pause() throws Exception {
        new ProcessBuilder("kill", "-STOP", Long.toString(process.pid())).start().waitFor();
    }

    public void resume() throws Exception {
        new ProcessBuilder("kill", "-CONT", Long.toString(process.pid())).start().waitFor();
    }

    /** SIGKILL, as a crashed machine. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    public String log() {
        try {
            return Files.readString(dir.resolve("redis.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** The reply to one command, flattened: simple strings keep their +/-/: prefix, bulk strings and arrays are joined by spaces. */
    public String command(String... args) {
        return command(port, args);
    }

    /** One command to the server on {@code port}; arrays come back joined by spaces, integers as ":n", errors as "-...". */
    public static String command(int port, String... args) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(2000);
            OutputStream out = s.getOutputStream();
            StringBuilder request = new StringBuilder("*" + args.length + "\r\n");
            for (String a : args) {
                request.append('$').append(a.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(a).append("\r\n");
            }
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            return read(new BufferedInputStream(s.getInputStream()));
        } catch (IOException e) {
            return "-" + e;
        }
    }

    private static String read(InputStream in) throws IOException {
        String line = line(in);
        switch (line.charAt(0)) {
            case '$': {
                int n = Integer.parseInt(line.substring(1));
                if (n < 0) {
                    return "";
                }
                String value = new String(in.readNBytes(n), StandardCharsets.UTF_8);
                line(in);
                return value;
            }
            case '*': {
                int n = Integer.parseInt(line.substring(1));
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    parts.add(read(in));
                }
                return String.join(" ", parts);
            }
            default:
                return line;
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\r') {
            b.append((char) c);
        }
        in.read(); // \n
        return b.toString();
    }

    public static void await(BooleanSupplier condition, int seconds, String failure) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure);
            }
            Thread.sleep(100);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }
}
