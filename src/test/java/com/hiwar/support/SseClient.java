package com.hiwar.support;

import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A minimal EventSource: reads an SSE stream on its own thread into a queue of parsed events. */
public final class SseClient implements AutoCloseable {

    public record SseEvent(String id, String type, String data) {
        public JsonObject json() {
            return new JsonObject(data);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private final BlockingQueue<SseEvent> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> comments = new LinkedBlockingQueue<>();
    private final Thread reader;
    private final HttpResponse<Stream<String>> response;

    private SseClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        reader = new Thread(this::read, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    public static SseClient open(String articleId, String lastEventId) {
        return open(RestAssured.baseURI + ":" + RestAssured.port, articleId, lastEventId);
    }

    public static SseClient open(String base, String articleId, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1/articles/" + articleId + "/events"))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            HttpResponse<Stream<String>> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("stream answered " + response.statusCode());
            }
            return new SseClient(response);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void read() {
        String id = null;
        String type = null;
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (type != null || data.length() > 0) {
                        events.add(new SseEvent(id, type == null ? "message" : type, data.toString()));
                    }
                    id = null;
                    type = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments.add(line);
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    type = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                }
            }
        } catch (RuntimeException closed) {
            // the stream ended
        }
    }

    /** The next event, which must be of this type, within 10 s. */
    public SseEvent next(String type) {
        SseEvent event = poll(Duration.ofSeconds(10));
        if (event == null) {
            fail("no " + type + " event within 10 s");
        }
        if (!event.type().equals(type)) {
            fail("expected a " + type + " event, got " + event);
        }
        return event;
    }

    /** The first event of this type within 10 s, passing over events of other types. */
    public SseEvent first(String type) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            SseEvent event = poll(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (event != null && event.type().equals(type)) {
                return event;
            }
        }
        fail("no " + type + " event within 10 s");
        return null;
    }

    public SseEvent poll(Duration timeout) {
        try {
            return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Events received within the duration. */
    public List<SseEvent> drain(Duration quiet) {
        List<SseEvent> out = new ArrayList<>();
        SseEvent e;
        while ((e = poll(quiet)) != null) {
            out.add(e);
        }
        return out;
    }

    /** Reads on until the comment event of {@code id} (other events skipped); false if none came in time. */
    public boolean awaitComment(long id, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            SseEvent e = poll(Duration.ofSeconds(1));
            if (e != null && e.type().equals("comment") && e.json().getLong("id") == id) {
                return true;
            }
        }
        return false;
    }

    /** True once the server has ended the stream (waiting at most the timeout). */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        reader.join(timeout.toMillis());
        return !reader.isAlive();
    }

    public String nextComment(Duration timeout) throws InterruptedException {
        return comments.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        reader.interrupt();
        try {
            response.body().close();
        } catch (RuntimeException ignored) {
            // already closed
        }
    }
}
