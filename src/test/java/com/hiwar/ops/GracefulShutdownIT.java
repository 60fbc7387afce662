package com.hiwar.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hiwar.support.FreshDatabase;
import com.hiwar.support.JarInstance;
import com.hiwar.support.SseClient;
import com.hiwar.support.Tokens;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM to the packaged jar in the middle of a burst of POSTs, as a rolling restart does:
 * readiness goes down first while the instance still serves, live streams are told to reconnect
 * and ended, then every request either gets a whole answer (201, or 503 once the drain has begun)
 * or finds the port closed; none is cut off, and every 201 the clients saw is in the database.
 */
class GracefulShutdownIT {

    static final String DATABASE = "hiwar_shutdown_it";
    static final int POSTERS = 8;

    /** One request's fate: an HTTP status, "refused" (the port was closed: nothing was sent), or what went wrong. */
    record Outcome(long atNanos, int status, String body, String failure) {}

    @Test
    void sigtermDrainsWithoutCuttingOffARequestOrLosingAComment() throws Exception {
        FreshDatabase.recreate(DATABASE);
        Map<String, String> settings = FreshDatabase.settings(DATABASE, 5);
        settings.put("hiwar.moderation.new-commenter-pending", "0");
        settings.put("hiwar.ratelimit.actions.comment-create", "user:100000/1m, ip:100000/1m");
        settings.put("quarkus.shutdown.delay", "2s");
        settings.put("hiwar.http.refuse-before-close", "1s");
        settings.put("quarkus.shutdown.timeout", "10s");
        settings.put("hiwar.live.retry", "1s");
        settings.put("hiwar.live.drain-spread", "1s");
        String article = "art-" + UUID.randomUUID();
        JarInstance jar = JarInstance.start("shutdown", settings);
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        List<Thread> posters = new ArrayList<>();
        try (SseClient stream = SseClient.open(jar.base(), article, null)) {
            String lastSeen = stream.next("ready").id();
            for (int i = 0; i < POSTERS; i++) {
                String token = Tokens.reader(Tokens.newSubject());
                Thread t = new Thread(() -> postUntilStopped(jar.port(), article, token, outcomes), "poster-" + i);
                t.start();
                posters.add(t);
            }
            while (outcomes.stream().filter(o -> o.status() == 201).count() < 50) {
                Thread.sleep(20);
            }
            long logFrom = jar.log().length();
            long sigterm = System.nanoTime();
            jar.terminate();

            // Readiness is down within a second, while the instance still takes comments.
            long notReady = awaitNotReady(jar, sigterm);
            assertTrue(notReady - sigterm < 1_000_000_000L, "readiness went down only after " + (notReady - sigterm) / 1_000_000 + " ms");

            // The stream is told to reconnect after retry plus some of the spread, and ended.
            SseClient.SseEvent reconnect = stream.poll(Duration.ofSeconds(5));
            while (reconnect != null && reconnect.type().equals("comment")) { // the burst's own comments first
                lastSeen = reconnect.id();
                reconnect = stream.poll(Duration.ofSeconds(5));
            }
            assertNotNull(reconnect, "no reconnect event");
            assertEquals("reconnect", reconnect.type());
            int retry = reconnect.json().getInteger("retry");
            assertTrue(retry >= 1000 && retry <= 2000, "retry " + retry);
            assertTrue(stream.awaitEnd(Duration.ofSeconds(2)), "the stream was not ended");
            // A stream opened while the instance drains gets the same answer at once.
            try (SseClient late = SseClient.open(jar.base(), article, lastSeen)) {
                late.next("reconnect");
                assertTrue(late.awaitEnd(Duration.ofSeconds(2)), "a late stream was kept open");
            } catch (IllegalStateException refusedOrDrained) {
                // the delay is over: the port answers 503 or is closed, which is as good for a reconnecting reader
            }

            for (Thread t : posters) {
                t.join(30_000);
            }
            Integer exit = jar.awaitExit(Duration.ofSeconds(20));
            assertNotNull(exit, "the jar did not exit within delay + timeout");
            String log = Files.readString(jar.log().toPath()).substring((int) logFrom);
            assertTrue(!log.contains("Timed out waiting for graceful shutdown"), "the drain timed out; see " + jar.log());

            List<Outcome> all = new ArrayList<>(outcomes);
            System.out.println("outcomes after SIGTERM, by kind: " + all.stream().filter(o -> o.atNanos() > sigterm)
                    .collect(java.util.stream.Collectors.groupingBy(o -> o.failure() != null ? o.failure() : "" + o.status(),
                            java.util.TreeMap::new, java.util.stream.Collectors.counting())));
            List<Outcome> failed = all.stream().filter(o -> o.failure() != null && !o.failure().equals("refused")).toList();
            assertEquals(List.of(), failed, "requests cut off or answered incompletely");
            List<Outcome> odd = all.stream().filter(o -> o.failure() == null && o.status() != 201 && o.status() != 503).toList();
            assertEquals(List.of(), odd, "answers other than 201 or 503");
            assertTrue(all.stream().anyMatch(o -> o.status() == 201 && o.atNanos() > notReady),
                    "no comment was taken after readiness went down: the delay did not keep serving");
            List<Outcome> stopping = all.stream().filter(o -> o.status() == 503).toList();
            assertTrue(!stopping.isEmpty(), "no poster was told the instance is stopping");
            stopping.forEach(o -> assertTrue(o.body().contains("shutting-down"), o.body()));

            List<Long> acknowledged = all.stream().filter(o -> o.status() == 201)
                    .map(o -> new JsonObject(o.body()).getLong("id")).toList();
            try (var c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/" + DATABASE, "postgres", "");
                 var s = c.prepareStatement("select count(*) from comments where id = any(?)")) {
                s.setArray(1, c.createArrayOf("bigint", acknowledged.toArray()));
                try (var r = s.executeQuery()) {
                    r.next();
                    assertEquals(acknowledged.size(), r.getLong(1), "acknowledged comments missing from the database");
                }
            }
        } finally {
            jar.close();
        }
    }

    /**
     * Posts on fresh connections, recording every outcome, until the instance says it is stopping
     * (a 503: a balancer marks it down and sends the retry elsewhere) or its port is closed.
     */
    private static void postUntilStopped(int port, String article, String token, ConcurrentLinkedQueue<Outcome> outcomes) {
        AtomicLong n = new AtomicLong();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            Outcome o = post(port, article, token, "تعليق أثناء الإيقاف رقم " + n.incrementAndGet());
            outcomes.add(o);
            if (o.status() == 503 || o.failure() != null) {
                return;
            }
        }
    }

    /**
     * One POST on its own connection ({@code Connection: close}), read to the end: a whole answer
     * has its status line, its headers and as many body bytes as it declared.
     */
    private static Outcome post(int port, String article, String token, String text) {
        byte[] body = new JsonObject().put("body", text).encode().getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/v1/articles/" + article + "/comments HTTP/1.1\r\nHost: localhost:" + port
                + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket()) {
            try {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            } catch (ConnectException closed) {
                return new Outcome(System.nanoTime(), 0, null, "refused");
            }
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(got);
            return parse(System.nanoTime(), got.toByteArray());
        } catch (IOException e) {
            return new Outcome(System.nanoTime(), 0, null, e.toString());
        }
    }

    private static Outcome parse(long at, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1); // one char per byte: indexes are byte offsets
        int split = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || split < 0) {
            return new Outcome(at, 0, null, "incomplete head: " + text);
        }
        int status = Integer.parseInt(text.substring(9, 12));
        String headers = text.substring(0, split).toLowerCase(java.util.Locale.ROOT);
        int from = split + 4;
        int length = headers.indexOf("content-length: ");
        if (length >= 0) {
            int declared = Integer.parseInt(headers.substring(length + 16).split("\r\n")[0].trim());
            return bytes.length - from == declared ? new Outcome(at, status, utf8(bytes, from, declared), null)
                    : new Outcome(at, status, null, "body " + (bytes.length - from) + " of " + declared + " bytes");
        }
        if (!headers.contains("transfer-encoding: chunked")) {
            return new Outcome(at, status, utf8(bytes, from, bytes.length - from), null);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int i = from;
        while (true) {
            int eol = text.indexOf("\r\n", i);
            if (eol < 0) {
                return new Outcome(at, status, null, "chunked body cut off");
            }
            int size = Integer.parseInt(text.substring(i, eol).trim(), 16);
            if (size == 0) {
                return new Outcome(at, status, body.toString(StandardCharsets.UTF_8), null);
            }
            if (eol + 2 + size + 2 > bytes.length) {
                return new Outcome(at, status, null, "chunked body cut off");
            }
            body.write(bytes, eol + 2, size);
            i = eol + 2 + size + 2;
        }
    }

    private static String utf8(byte[] bytes, int from, int length) {
        return new String(bytes, from, length, StandardCharsets.UTF_8);
    }

    /** The moment /q/health/ready first answered other than 200 after the signal. */
    private static long awaitNotReady(JarInstance jar, long since) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        while (System.nanoTime() - since < 10_000_000_000L) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(jar.management() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() != 200) {
                    return System.nanoTime();
                }
            } catch (IOException closed) {
                return System.nanoTime();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("readiness never went down after SIGTERM");
    }
}
