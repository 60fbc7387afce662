package com.hiwar.support;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A webhook receiver the test runs: a real HTTP server on 127.0.0.1 that records every request
 * (headers and raw body) and answers as the test scripts it, status by status.
 */
public final class Receiver implements AutoCloseable {

    public record Received(String path, HttpHeaders headers, String body) {
        public JsonObject json() {
            return new JsonObject(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** A status for {@link Script}: 200, then a body that never ends (until the sender hangs up). */
    public static final int ENDLESS = -1;

    /** What the receiver answers to one request. */
    public interface Script {
        /** The status for the {@code n}th request (0-based); may block to hold the request. */
        int answer(int n, Received request) throws InterruptedException;
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Script script = (n, r) -> 200;

    private Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "receiver");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Received r = new Received(exchange.getRequestURI().getPath(),
                    HttpHeaders.of(Map.copyOf(exchange.getRequestHeaders().entrySet().stream()
                            .collect(java.util.stream.Collectors.toMap(e -> e.getKey().toLowerCase(java.util.Locale.ROOT), Map.Entry::getValue,
                                    (a, b) -> { List<String> all = new ArrayList<>(a); all.addAll(b); return all; }))), (a, b) -> true),
                    new String(body, StandardCharsets.UTF_8));
            int n;
            synchronized (received) {
                n = received.size();
                received.add(r);
            }
            int status;
            try {
                status = script.answer(n, r);
            } catch (InterruptedException e) {
                exchange.close();
                return;
            }
            if (status == ENDLESS) {
                exchange.sendResponseHeaders(200, 0);
                byte[] chunk = "x".repeat(1024).getBytes(StandardCharsets.UTF_8);
                try (OutputStream out = exchange.getResponseBody()) {
                    for (int i = 0; i < 30_000; i++) { // 30 MB at most, however long the sender keeps reading
                        out.write(chunk);
                        out.flush();
                    }
                } catch (IOException hungUp) {
                    // the sender stopped reading: what the test wants
                }
                return;
            }
            byte[] answer = ("{\"seen\":" + (n + 1) + "}").getBytes(StandardCharsets.UTF_8);
            if (status >= 300 && status < 400) {
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port() + "/redirected");
            }
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    public static Receiver start() throws IOException {
        return new Receiver();
    }

    public Receiver answering(Script script) {
        this.script = script;
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests matching {@code which}, once at least {@code count} arrived (or what arrived when time ran out). */
    public List<Received> await(Predicate<Received> which, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Received> matching = received.stream().filter(which).toList();
            if (matching.size() >= count || System.nanoTime() > deadline) {
                return matching;
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
