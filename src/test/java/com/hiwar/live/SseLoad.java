package com.hiwar.live;

import com.hiwar.support.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SSE load (bench/sse.sh): CLIENTS streams on one article of a running instance, then POSTS
 * comments one at a time (after 20 unmeasured warm-up posts); for every (comment, client) it records the time from sending the
 * POST to the event arriving. Also reports the server's heap and RSS per connection, each
 * measured after a full GC (jcmd) before and after the streams open.
 * Usage: SseLoad BASE_URL CLIENTS POSTS SERVER_PID
 */
public final class SseLoad {

    private static final Pattern SEQ = Pattern.compile("\"body\":\"bench comment (\\d+)\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int clients = Integer.parseInt(args[1]);
        int posts = Integer.parseInt(args[2]);
        long pid = Long.parseLong(args[3]);
        String article = "sse-bench-" + UUID.randomUUID();
        // HTTP/1.1: one TCP connection per stream, as browsers on plain HTTP (Java would otherwise upgrade to h2c and multiplex).
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        long[] sentAt = new long[posts];
        long[] latencies = new long[clients * posts];
        AtomicInteger recorded = new AtomicInteger();
        CountDownLatch ready = new CountDownLatch(clients);

        long[] before = memory(base, pid);
        HttpRequest stream = HttpRequest.newBuilder(URI.create(base + "/api/v1/articles/" + article + "/events")).build();
        for (int i = 0; i < clients; i++) {
            http.sendAsync(stream, HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
                public void onSubscribe(Flow.Subscription s) {
                    s.request(Long.MAX_VALUE);
                }

                public void onNext(String line) {
                    if (line.startsWith("event: ready")) {
                        ready.countDown();
                    } else if (line.startsWith("data: ")) {
                        Matcher m = SEQ.matcher(line);
                        if (m.find()) {
                            long now = System.nanoTime();
                            int n = recorded.getAndIncrement();
                            if (n < latencies.length) {
                                latencies[n] = now - sentAt[Integer.parseInt(m.group(1))];
                            }
                        }
                    }
                }

                public void onError(Throwable t) {
                    System.err.println("stream failed: " + t);
                }

                public void onComplete() {
                }
            }));
        }
        if (!ready.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException((clients - ready.getCount()) + " of " + clients + " streams opened");
        }
        Thread.sleep(1000);
        long[] after = memory(base, pid);
        System.out.printf("streams open: %d (server side: %s)%n", clients, liveObjects(pid));
        System.out.printf("server heap after GC: %.1f MiB before, %.1f MiB with streams -> %.1f KiB per connection%n",
                before[0] / 1048576.0, after[0] / 1048576.0, (after[0] - before[0]) / 1024.0 / clients);
        System.out.printf("server RSS: %.1f MiB before, %.1f MiB with streams -> %.1f KiB per connection%n",
                before[1] / 1048576.0, after[1] / 1048576.0, (after[1] - before[1]) / 1024.0 / clients);

        String token = Tokens.reader("sse-bench-poster-" + UUID.randomUUID());
        // Warm-up: the first events pay for class loading and JIT in both processes.
        for (int k = 0; k < 20; k++) {
            http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/articles/" + article + "/comments"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"warm-up " + k + "\"}")).build(),
                    HttpResponse.BodyHandlers.discarding());
            Thread.sleep(100);
        }
        Thread.sleep(1000);
        for (int k = 0; k < posts; k++) {
            HttpRequest post = HttpRequest.newBuilder(URI.create(base + "/api/v1/articles/" + article + "/comments"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"bench comment " + k + "\"}")).build();
            sentAt[k] = System.nanoTime();
            HttpResponse<String> r = http.send(post, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201 || !r.body().contains("\"published\"")) {
                throw new IllegalStateException("post " + k + ": " + r.statusCode() + " " + r.body());
            }
            Thread.sleep(200);
        }
        Thread.sleep(3000);
        int n = Math.min(recorded.get(), latencies.length);
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        System.out.printf("deliveries: %d of %d expected%n", n, latencies.length);
        System.out.printf("post-to-delivery: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted[n - 1] / 1e6);
        System.exit(0);
    }

    private static double pct(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
    }

    /** Server-side instances of one stream's objects, from the class histogram: proof the streams are held there. */
    private static String liveObjects(long pid) throws Exception {
        Process p = new ProcessBuilder("jcmd", Long.toString(pid), "GC.class_histogram").redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        for (String line : new String(p.getInputStream().readAllBytes()).split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 4 && (f[3].equals("com.hiwar.live.Connection")
                    || f[3].equals("io.vertx.core.http.impl.Http1xServerConnection"))) {
                out.append(f[3].substring(f[3].lastIndexOf('.') + 1)).append(' ').append(f[1]).append(" x ")
                        .append(Long.parseLong(f[2]) / Long.parseLong(f[1])).append(" B; ");
            }
        }
        return out.toString();
    }

    /** Heap used after a full GC (from the service's metrics), and RSS. */
    /** bench/lib.sh starts the jar with its management interface on the next port. */
    private static String management(String base) {
        int colon = base.lastIndexOf(':');
        return base.substring(0, colon + 1) + (Integer.parseInt(base.substring(colon + 1)) + 1);
    }

    private static long[] memory(String base, long pid) throws Exception {
        new ProcessBuilder("jcmd", Long.toString(pid), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        Thread.sleep(500);
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(management(base) + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double heap = 0;
        Matcher m = Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.eE+]+)$").matcher(metrics);
        while (m.find()) {
            heap += Double.parseDouble(m.group(1));
        }
        long rss = 0;
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return new long[] {(long) heap, rss};
    }
}
