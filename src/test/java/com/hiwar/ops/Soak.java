package com.hiwar.ops;

import com.hiwar.support.Background;
import com.hiwar.support.FreshDatabase;
import com.hiwar.support.JarInstance;
import com.hiwar.support.PgNode;
import com.hiwar.support.RedisNode;
import com.hiwar.support.Tokens;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Three packaged instances behind HAProxy, on PostgreSQL (a primary and a synchronous standby)
 * and Redis (a master, a replica and three sentinels), all real processes on this machine. A
 * mixed load runs throughout (anonymous and signed-in reads, posts with Idempotency-Key retried
 * like a careful client, likes, reports, moderator decisions, live streams that reconnect with
 * Last-Event-ID) while faults come in order: a rolling restart, a kill -9 of one instance, a
 * Redis master failover, a PostgreSQL failover and a Redis stall (SIGSTOP). Each phase reports
 * requests, 5xx, network failures, p99, stream reconnects and live events missed; the end
 * audits acknowledged writes against the database and the kept counts against a recount.
 * Run by bench/soak.sh (long) and FaultSoakIT (short, in ./mvnw verify).
 */
public final class Soak {

    /** {@code postsPerSecond}: the writers' combined pace, 0 for as fast as they go (on 2 cores that starves restarts). */
    public record Settings(int phaseSeconds, int stallSeconds, int streams, int writers, int readers, int postsPerSecond) {}

    /** One phase's figures. */
    public static final class Phase {
        final String name;
        final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong requests = new AtomicLong(), serverErrors = new AtomicLong(), networkFailures = new AtomicLong(),
                reconnects = new AtomicLong(), missed = new AtomicLong(), retried = new AtomicLong();
        final AtomicLong firstError = new AtomicLong(), lastError = new AtomicLong();
        final Map<Integer, AtomicLong> byStatus = new ConcurrentHashMap<>();
        volatile long started, ended;

        Phase(String name) {
            this.name = name;
        }

        long p99() {
            List<Long> copy;
            synchronized (latencies) {
                copy = new ArrayList<>(latencies);
            }
            if (copy.isEmpty()) {
                return 0;
            }
            Collections.sort(copy);
            return copy.get(Math.min(copy.size() - 1, (int) Math.ceil(copy.size() * 0.99) - 1));
        }

        public String name() {
            return name;
        }

        public long serverErrors() {
            return serverErrors.get();
        }

        public long networkFailures() {
            return networkFailures.get();
        }

        void failed() {
            long now = System.nanoTime();
            firstError.compareAndSet(0, now);
            lastError.set(now);
        }

        /** From the first failed request of the phase to its last, in ms; 0 when none failed. */
        public long errorWindowMillis() {
            return firstError.get() == 0 ? 0 : (lastError.get() - firstError.get()) / 1_000_000;
        }

        public long missed() {
            return missed.get();
        }

        public long requests() {
            return requests.get();
        }

        @Override
        public String toString() {
            String statuses = byStatus.isEmpty() ? "" : " " + new java.util.TreeMap<>(byStatus);
            return String.format(Locale.ROOT, "| %s | %d | %d%s | %d | %d ms | %d | %d ms | %d | %d |", name, requests.get(), serverErrors.get(), statuses,
                    networkFailures.get(), errorWindowMillis(), retried.get(), p99(), reconnects.get(), missed.get());
        }
    }

    /** The audit at the end. */
    public record Audit(long acknowledged, long lostAcknowledged, long duplicated, long articleCountsOff, long likeCountsOff) {}

    public record Report(List<Phase> phases, Audit audit) {
        public String table() {
            StringBuilder b = new StringBuilder("| phase | requests | 5xx | network failures | error window | writes retried | p99 | stream reconnects | live events missed |\n"
                    + "|---|---|---|---|---|---|---|---|---|\n");
            phases.forEach(p -> b.append(p).append('\n'));
            b.append(String.format(Locale.ROOT, "%nAudit: %d comments acknowledged, %d of them missing, %d written twice, "
                    + "%d article counts and %d like counts off their recount.%n", audit.acknowledged(), audit.lostAcknowledged(),
                    audit.duplicated(), audit.articleCountsOff(), audit.likeCountsOff()));
            return b.toString();
        }
    }

    static final String DATABASE = "hiwar_soak";
    static final String MASTER = "hiwar";
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final Settings settings;
    private final AtomicReference<Phase> current = new AtomicReference<>();
    private final List<Phase> phases = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    /** Acknowledged comments: id to (article, the moment the 201 arrived). */
    private final Map<Long, long[]> acknowledged = new ConcurrentHashMap<>();
    private final Map<Long, String> articleOf = new ConcurrentHashMap<>();
    private final List<String> articles = new ArrayList<>();
    private String base;

    public Soak(Settings settings) {
        this.settings = settings;
        for (int i = 0; i < 10; i++) {
            articles.add("soak-" + i + "-" + UUID.randomUUID());
        }
    }

    public static void main(String[] args) throws Exception {
        Settings s = new Settings(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]));
        Report report = new Soak(s).run();
        System.out.println(report.table());
    }

    public Report run() throws Exception {
        try (PgNode primary = PgNode.primary(); PgNode standby = PgNode.standbyOf(primary);
             RedisNode master = RedisNode.server();
             RedisNode replica = RedisNode.server("--replicaof", "127.0.0.1", Integer.toString(master.port));
             RedisNode s1 = RedisNode.sentinel(MASTER, master.port);
             RedisNode s2 = RedisNode.sentinel(MASTER, master.port);
             RedisNode s3 = RedisNode.sentinel(MASTER, master.port)) {
            List<RedisNode> redis = List.of(master, replica);
            RedisNode.await(() -> replica.command("INFO", "replication").contains("master_link_status:up"), 30, "replica never synced");
            for (RedisNode s : List.of(s1, s2, s3)) {
                RedisNode.await(() -> s.command("SENTINEL", "sentinels", MASTER).split("runid", -1).length == 3
                        && s.command("SENTINEL", "replicas", MASTER).contains(Integer.toString(replica.port)), 30, "sentinels apart");
            }
            try (var c = primary.connect("postgres"); var st = c.createStatement()) {
                st.execute("create database " + DATABASE);
            }
            Map<String, String> config = FreshDatabase.settings(DATABASE, 0);
            config.put("quarkus.datasource.jdbc.url", PgNode.failoverUrl(DATABASE, primary, standby));
            RedisNode.useSentinels(config, MASTER, s1, s2, s3);
            config.put("hiwar.moderation.new-commenter-pending", "0");
            config.put("hiwar.ratelimit.actions.comment-create", "user:100000/1m, ip:1000000/1m");
            config.put("hiwar.ratelimit.actions.comment-like", "user:100000/1m, ip:1000000/1m");
            config.put("hiwar.ratelimit.actions.comment-report", "user:100000/1m, ip:1000000/1m");
            config.put("quarkus.shutdown.delay", "2s");
            config.put("quarkus.shutdown.timeout", "10s");
            config.put("hiwar.live.retry", "1s");
            config.put("hiwar.live.drain-spread", "1s");
            config.put("hiwar.live.max-per-client", "100000");
            config.put("hiwar.live.max-catch-up", "1000");
            List<JarInstance> jars = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                jars.add(JarInstance.start("soak-" + i, config));
            }
            try (Haproxy proxy = Haproxy.start(jars)) {
                base = proxy.base();
                List<Thread> load = new ArrayList<>();
                phase("warm-up and steady", () -> { // the load starts inside the first phase, so every request has one
                    load.addAll(startLoad());
                    pause(settings.phaseSeconds());
                });
                phase("rolling restart", () -> {
                    for (int i = 0; i < jars.size(); i++) {
                        JarInstance old = jars.get(i);
                        old.terminate();
                        old.awaitExit(Duration.ofSeconds(30));
                        jars.set(i, old.restart());
                        pause(2); // the balancer's checks see it up again
                    }
                });
                phase("kill -9 of one instance", () -> {
                    jars.get(1).kill();
                    pause(settings.phaseSeconds());
                    jars.set(1, jars.get(1).restart());
                });
                phase("Redis master failover", () -> {
                    RedisNode now = redisMaster(redis, s1);
                    now.kill();
                    RedisNode.await(() -> !s1.command("SENTINEL", "get-master-addr-by-name", MASTER).endsWith(" " + now.port), 30,
                            "no Redis failover");
                    pause(settings.phaseSeconds());
                });
                phase("PostgreSQL failover", () -> {
                    primary.crash();
                    pause(2);
                    standby.promote();
                    try (var c = standby.connect("postgres"); var st = c.createStatement()) {
                        st.execute("alter system set synchronous_standby_names = ''");
                        st.execute("select pg_reload_conf()");
                    }
                    pause(settings.phaseSeconds());
                });
                phase("Redis stall (SIGSTOP " + settings.stallSeconds() + " s)", () -> {
                    RedisNode now = redisMaster(redis, s1);
                    if (now == null) {
                        pause(settings.stallSeconds());
                        return;
                    }
                    now.pause();
                    pause(settings.stallSeconds());
                    now.resume();
                });
                phase("recovered", () -> pause(settings.phaseSeconds()));
                running.set(false);
                for (Thread t : load) {
                    t.join(30_000);
                }
                Audit audit = audit(standby);
                return new Report(phases, audit);
            } finally {
                for (JarInstance j : jars) {
                    j.kill();
                }
            }
        }
    }

    interface Step {
        void run() throws Exception;
    }

    private void phase(String name, Step step) throws Exception {
        Phase p = new Phase(name);
        p.started = System.nanoTime();
        phases.add(p);
        current.set(p);
        step.run();
        p.ended = System.nanoTime();
    }

    private static RedisNode redisMaster(List<RedisNode> nodes, RedisNode sentinel) {
        String addr = sentinel.command("SENTINEL", "get-master-addr-by-name", MASTER);
        return nodes.stream().filter(n -> addr.endsWith(" " + n.port)).findFirst().orElse(null);
    }

    // --- Load ----------------------------------------------------------------------------

    private List<Thread> startLoad() {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < settings.writers(); i++) {
            threads.add(Background.daemon(untilStopped(this::writer)));
        }
        for (int i = 0; i < settings.readers(); i++) {
            threads.add(Background.daemon(untilStopped(this::reader)));
        }
        threads.add(Background.daemon(untilStopped(this::moderator)));
        for (int i = 0; i < settings.streams(); i++) {
            String article = articles.get(i % articles.size());
            threads.add(Background.daemon(() -> stream(article)));
        }
        return threads;
    }

    /** A load loop that an unexpected exception does not end in silence: it is counted as a failure and the loop goes on. */
    private Runnable untilStopped(Runnable loop) {
        return () -> {
            while (running.get()) {
                try {
                    loop.run();
                } catch (RuntimeException e) {
                    current.get().networkFailures.incrementAndGet();
                    current.get().failed();
                    System.err.println("soak load: " + e);
                    pause(0.5);
                }
            }
        };
    }

    /** Posts with an Idempotency-Key, and on a 5xx, 409 or network failure sends the same request again, as a careful client does. */
    private void writer() {
        String token = Tokens.reader(Tokens.newSubject());
        long interval = settings.postsPerSecond() > 0 ? 1_000_000_000L * settings.writers() / settings.postsPerSecond() : 0;
        long next = System.nanoTime();
        while (running.get()) {
            next += interval;
            long early = next - System.nanoTime();
            if (early > 0) {
                pause(early / 1e9);
            } else if (early < -1_000_000_000L) {
                next = System.nanoTime(); // fell behind through an outage: no burst to catch up
            }
            String article = articles.get(ThreadLocalRandom.current().nextInt(articles.size()));
            String key = UUID.randomUUID().toString();
            String body = new JsonObject().put("body", "تعليق الاختبار الطويل " + key).encode();
            long sent = System.nanoTime();
            for (int attempt = 0; attempt < 20 && running.get(); attempt++) {
                Answer a = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/articles/" + article + "/comments"))
                        .header("Authorization", "Bearer " + token).header("Idempotency-Key", key)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
                if (a.status() == 201) {
                    JsonObject created = new JsonObject(a.body());
                    long id = created.getLong("id");
                    acknowledged.put(id, new long[] {System.nanoTime(), sent});
                    if ("published".equals(created.getString("status"))) { // held ones are announced when approved
                        articleOf.put(id, article);
                    }
                    break;
                }
                if (a.status() != 0 && a.status() < 500 && a.status() != 409) {
                    break; // refused for a reason a retry does not change
                }
                current.get().retried.incrementAndGet();
                pause(0.3);
            }
            if (ThreadLocalRandom.current().nextInt(3) == 0) {
                like(token);
            }
        }
    }

    private void like(String token) {
        List<Long> ids = new ArrayList<>(acknowledged.keySet());
        if (ids.isEmpty()) {
            return;
        }
        long id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
        send(HttpRequest.newBuilder(URI.create(base + "/api/v1/comments/" + id + "/like")).header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.noBody()));
        if (ThreadLocalRandom.current().nextInt(10) == 0) {
            send(HttpRequest.newBuilder(URI.create(base + "/api/v1/comments/" + id + "/reports")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"spam\"}")));
        }
    }

    private void reader() {
        String token = Tokens.reader(Tokens.newSubject());
        while (running.get()) {
            String article = articles.get(ThreadLocalRandom.current().nextInt(articles.size()));
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + "/api/v1/articles/" + article + "/comments"));
            if (ThreadLocalRandom.current().nextBoolean()) {
                r.header("Authorization", "Bearer " + token);
            }
            send(r.GET());
            pause(0.02);
        }
    }

    /** Approves what reports hid, as the newsroom does: reads the reported queue and decides on its first item. */
    private void moderator() {
        String token = Tokens.moderator(Tokens.newSubject());
        while (running.get()) {
            Answer queue = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/moderation/queues/reported?limit=5"))
                    .header("Authorization", "Bearer " + token).GET());
            if (queue.status() == 200) {
                var items = new JsonObject(queue.body()).getJsonArray("items");
                if (items != null && !items.isEmpty()) {
                    JsonObject item = items.getJsonObject(0);
                    send(HttpRequest.newBuilder(URI.create(base + "/api/v1/moderation/comments/" + item.getLong("id") + "/decision"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("action", "approve")
                                    .put("version", item.getInteger("version")).encode())));
                }
            }
            pause(0.5);
        }
    }

    record Answer(int status, String body) {}

    private Answer send(HttpRequest.Builder request) {
        Phase phase = current.get();
        long start = System.nanoTime();
        try {
            HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
            phase.requests.incrementAndGet();
            phase.latencies.add((System.nanoTime() - start) / 1_000_000);
            if (r.statusCode() >= 500) {
                phase.serverErrors.incrementAndGet();
                phase.byStatus.computeIfAbsent(r.statusCode(), k -> new AtomicLong()).incrementAndGet();
                phase.failed();
            }
            return new Answer(r.statusCode(), r.body());
        } catch (IOException | InterruptedException e) {
            phase.requests.incrementAndGet();
            phase.networkFailures.incrementAndGet();
            phase.failed();
            return new Answer(0, e.toString());
        }
    }

    // --- Live streams -------------------------------------------------------------------

    /** A reader's EventSource: reconnects with the last id it saw; remembers every comment event and when it was connected. */
    private final List<StreamLog> streams = Collections.synchronizedList(new ArrayList<>());

    static final class StreamLog {
        final String article;
        final Set<Long> seen = ConcurrentHashMap.newKeySet();
        final List<long[]> connected = Collections.synchronizedList(new ArrayList<>()); // [from, to] while streaming
        volatile long lastRefetch;

        StreamLog(String article) {
            this.article = article;
        }
    }

    private void stream(String article) {
        StreamLog log = new StreamLog(article);
        streams.add(log);
        String lastId = null;
        while (running.get()) {
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + "/api/v1/articles/" + article + "/events"))
                    .header("Accept", "text/event-stream");
            if (lastId != null) {
                r.header("Last-Event-ID", lastId);
            }
            long from = 0;
            try {
                HttpResponse<java.io.InputStream> response = HTTP.send(r.build(), HttpResponse.BodyHandlers.ofInputStream());
                if (response.statusCode() == 200) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
                    String id = null, type = null;
                    StringBuilder data = new StringBuilder();
                    for (String line; running.get() && (line = in.readLine()) != null; ) {
                        if (line.isEmpty()) {
                            if ("ready".equals(type) || "refetch".equals(type)) {
                                from = from == 0 ? System.nanoTime() : from;
                                if ("refetch".equals(type)) {
                                    log.lastRefetch = System.nanoTime();
                                }
                            } else if ("comment".equals(type)) {
                                log.seen.add(new JsonObject(data.toString()).getLong("id"));
                            }
                            if (id != null) {
                                lastId = id;
                            }
                            id = null;
                            type = null;
                            data.setLength(0);
                        } else if (line.startsWith("id: ")) {
                            id = line.substring(4);
                        } else if (line.startsWith("event: ")) {
                            type = line.substring(7);
                        } else if (line.startsWith("data: ")) {
                            data.append(line.substring(6));
                        }
                    }
                    response.body().close();
                } else {
                    response.body().close();
                }
            } catch (IOException | InterruptedException | RuntimeException e) {
                // the stream broke: reconnect
            }
            if (from != 0) {
                log.connected.add(new long[] {from, System.nanoTime()});
            }
            if (running.get()) {
                current.get().reconnects.incrementAndGet();
                pause(1);
            }
        }
    }

    /**
     * A comment counts as missed by a stream when it was first sent after one of the stream's connected spans
     * began and acknowledged at least 3 s before that span ended (and no later refetch told the reader to
     * reload), and no event for it ever came. The send, not the acknowledgement, must fall inside: a POST
     * slow to answer may be committed and announced before the stream was ready, and a stream is owed only
     * what happened while it listened.
     */
    private void countMissed() {
        for (StreamLog s : streams) {
            for (Map.Entry<Long, long[]> e : acknowledged.entrySet()) {
                if (!s.article.equals(articleOf.get(e.getKey())) || s.seen.contains(e.getKey())) {
                    continue;
                }
                long at = e.getValue()[0], sent = e.getValue()[1];
                boolean expected;
                synchronized (s.connected) {
                    expected = s.connected.stream().anyMatch(span -> sent > span[0] && at < span[1] - 3_000_000_000L);
                }
                if (expected && s.lastRefetch < at) {
                    phaseAt(at).missed.incrementAndGet();
                }
            }
        }
    }

    private Phase phaseAt(long nanos) {
        for (int i = phases.size() - 1; i >= 0; i--) {
            if (phases.get(i).started <= nanos) {
                return phases.get(i);
            }
        }
        return phases.get(0);
    }

    // --- Audit ----------------------------------------------------------------------------

    private Audit audit(PgNode primaryNow) throws Exception {
        countMissed();
        try (var c = primaryNow.connect(DATABASE)) {
            long present;
            try (var s = c.prepareStatement("select count(*) from comments where id = any(?)")) {
                s.setArray(1, c.createArrayOf("bigint", acknowledged.keySet().toArray()));
                try (var r = s.executeQuery()) {
                    r.next();
                    present = r.getLong(1);
                }
            }
            long duplicated = scalar(c, "select count(*) from (select body from comments where article_id like 'soak-%'"
                    + " group by body having count(*) > 1) d");
            long articleCounts = scalar(c, "select count(*) from articles a where article_published_count(a.id) <> (select count(*) from comments c"
                    + " where c.article_id = a.id and comment_is_public(c.status, c.hidden))");
            long likeCounts = scalar(c, "select count(*) from comments c where c.like_count <> (select count(*) from comment_likes l"
                    + " where l.comment_id = c.id)");
            return new Audit(acknowledged.size(), acknowledged.size() - present, duplicated, articleCounts, likeCounts);
        }
    }

    private static long scalar(java.sql.Connection c, String sql) throws Exception {
        try (var s = c.createStatement(); var r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    // --- Helpers --------------------------------------------------------------------------

    private static void pause(double seconds) {
        Background.sleep((long) (seconds * 1000));
    }

    /** HAProxy (Debian's package) in front of the instances: readiness checks on the management port, retries on refused connections and 503s. */
    static final class Haproxy implements AutoCloseable {
        private final Process process;
        private final int port;

        private Haproxy(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static Haproxy start(List<JarInstance> jars) throws Exception {
            int port;
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            }
            StringBuilder cfg = new StringBuilder(String.join("\n",
                    "global", "  maxconn 5000",
                    "defaults", "  mode http", "  timeout connect 2s", "  timeout client 60s", "  timeout server 30s",
                    "  timeout tunnel 1h", "  retries 2", "  option redispatch", "  option http-buffer-request",
                    "  retry-on conn-failure empty-response response-timeout 503",
                    "frontend hiwar", "  bind 127.0.0.1:" + port, "  default_backend instances",
                    "backend instances", "  balance roundrobin", "  option httpchk GET /q/health/ready",
                    "  http-check expect status 200", ""));
            for (int i = 0; i < jars.size(); i++) {
                JarInstance j = jars.get(i);
                cfg.append("  server i").append(i).append(" 127.0.0.1:").append(j.port()).append(" check port ")
                        .append(j.managementPort()).append(" inter 500 fall 2 rise 2\n");
            }
            Path file = Files.createTempFile("hiwar-haproxy", ".cfg");
            Files.writeString(file, cfg);
            Process p = new ProcessBuilder(haproxy(), "-db", "-f", file.toString()).redirectErrorStream(true)
                    .redirectOutput(new java.io.File("target/haproxy.log")).start();
            Haproxy proxy = new Haproxy(p, port);
            RedisNode.await(() -> {
                try {
                    return HTTP.send(HttpRequest.newBuilder(URI.create(proxy.base() + "/api/v1/counts?articles=x")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (Exception e) {
                    return false;
                }
            }, 30, "HAProxy did not come up; see target/haproxy.log");
            return proxy;
        }

        /** The haproxy binary: Debian's, installed with apt if it is missing. */
        static String haproxy() throws Exception {
            for (String dir : List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin")) {
                if (Files.isExecutable(Path.of(dir, "haproxy"))) {
                    return dir + "/haproxy";
                }
            }
            Process install = new ProcessBuilder("bash", "-c", "s=; [ \"$(id -u)\" = 0 ] || s=sudo; $s apt-get install -y -qq haproxy"
                    + " >/dev/null 2>&1 || ($s apt-get update -qq && $s apt-get install -y -qq haproxy >/dev/null)").inheritIO().start();
            if (install.waitFor() != 0 || !Files.isExecutable(Path.of("/usr/sbin/haproxy"))) {
                throw new IllegalStateException("HAProxy is missing and apt could not install it: apt-get install haproxy");
            }
            return "/usr/sbin/haproxy";
        }

        String base() {
            return "http://127.0.0.1:" + port;
        }

        @Override
        public void close() {
            process.destroy();
        }
    }

}
