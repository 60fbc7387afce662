package com.hiwar.support;

import com.hiwar.localdev.LocalServices;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A redis-server of the test's own, on its own port, for the packaged jar: the outage tests
 * stop it, pause it (SIGSTOP: connections stay open, nothing answers) and bring it back.
 * Init args become the jar's settings, e.g. {@code hiwar.ratelimit.on-redis-failure=reject}.
 */
public class OwnRedis extends FreshDatabase {

    private static int port;
    private static Path dir;
    private static Process server;
    private Map<String, String> settings = Map.of();

    @Override
    public void init(Map<String, String> initArgs) {
        settings = initArgs;
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = super.start();
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
            dir = Files.createTempDirectory("hiwar-redis");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        startServer();
        config.put("quarkus.redis.hosts", "redis://127.0.0.1:" + port);
        config.putAll(settings);
        return config;
    }

    @Override
    public void stop() {
        resumeServer();
        stopServer();
    }

    public static synchronized void startServer() {
        try {
            server = new ProcessBuilder(LocalServices.redisServerCommand(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--daemonize", "no")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis.log").toFile())
                    .start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!answersPing()) {
                if (System.nanoTime() > deadline || !server.isAlive()) {
                    throw new IllegalStateException("redis-server did not start on port " + port
                            + ": " + Files.readString(dir.resolve("redis.log")));
                }
                Thread.sleep(50);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run redis-server (is it installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static synchronized void stopServer() {
        if (server != null && server.isAlive()) {
            server.destroy();
            try {
                server.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server.destroyForcibly();
        }
    }

    public static String command(String... args) {
        return RedisNode.command(port, args);
    }

    public static void pauseServer() {
        signal("-STOP");
    }

    public static void resumeServer() {
        signal("-CONT");
    }

    private static synchronized void signal(String signal) {
        if (server == null || !server.isAlive()) {
            return;
        }
        try {
            new ProcessBuilder("kill", signal, Long.toString(server.pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean answersPing() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            s.setSoTimeout(500);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            byte[] reply = in.readNBytes(7);
            return new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }
}
