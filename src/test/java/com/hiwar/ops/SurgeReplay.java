package com.hiwar.ops;

import com.hiwar.support.FreshDatabase;
import com.hiwar.support.JarInstance;
import com.hiwar.support.Tokens;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Replays a breaking-news burst on one article against the packaged service (real PostgreSQL and
 * Redis): a steady rate of comments from established readers, a share of abusive ones from new
 * accounts, and a wave of reports; once with the surge autopilot on and once with it off. Prints
 * when each step engaged and released (from the audit log) and what was published. Run by
 * {@code bench/surge.sh}.
 */
public final class SurgeReplay {

    record Settings(int seconds, int perSecond, double abusiveShare, int calmSeconds, Path abusive) {}

    record Posted(long atMillis, boolean abusive, int code, String status) {}

    record Step(double atSeconds, String from, String to, String trigger) {}

    record Result(boolean autopilot, List<Posted> posts, List<Step> steps, double burstSeconds, int reports) {

        long count(boolean abusive, String status) {
            return posts.stream().filter(p -> p.abusive() == abusive && status.equals(p.status())).count();
        }

        long refused(int code) {
            return posts.stream().filter(p -> p.code() == code).count();
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String DATABASE = "hiwar_surge";

    private final Settings settings;
    private final List<String> abusive;
    private final List<String> benign;

    SurgeReplay(Settings settings) throws Exception {
        this.settings = settings;
        this.abusive = settings.abusive().toString().endsWith(".tsv") ? Files.readAllLines(settings.abusive()).stream().skip(1)
                .map(l -> l.split("\t", 4)).filter(f -> f.length == 4 && f[2].equals("1")).map(f -> f[3]).toList()
                : Files.readAllLines(settings.abusive());
        this.benign = Files.readAllLines(Path.of("bench/benign-news.txt")).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    public static void main(String[] args) throws Exception {
        Settings s = new Settings(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Double.parseDouble(args[2]),
                Integer.parseInt(args[3]), Path.of(args[4]));
        SurgeReplay replay = new SurgeReplay(s);
        List<Result> results = List.of(replay.run(true), replay.run(false));
        System.out.println();
        System.out.printf("Burst: %d comments/s for %d s on one article, %.0f%% abusive (%d texts from %s), reports 1/s from s 20 to 50;%n",
                s.perSecond(), s.seconds(), s.abusiveShare() * 100, replay.abusive.size(), s.abusive(), s.calmSeconds());
        System.out.printf("calm period %d s. Times are seconds from the burst's first comment.%n%n", s.calmSeconds());
        for (Result r : results) {
            System.out.printf("autopilot %s%n", r.autopilot() ? "on" : "off");
            if (r.steps().isEmpty()) {
                System.out.println("  no step engaged");
            }
            for (Step step : r.steps()) {
                System.out.printf("  %7.1f s  %s -> %s  (%s)%n", step.atSeconds(), step.from(), step.to(), step.trigger());
            }
            System.out.printf("  abusive sent %d: published %d, held %d, rejected %d%n", r.posts().stream().filter(Posted::abusive).count(),
                    r.count(true, "published"), r.count(true, "pending"), r.count(true, "rejected"));
            System.out.printf("  benign sent %d: published %d, held %d, rejected %d%n", r.posts().stream().filter(p -> !p.abusive()).count(),
                    r.count(false, "published"), r.count(false, "pending"), r.count(false, "rejected"));
            System.out.printf("  refused: %d slow-mode or rate-limit (429), %d other; reports filed %d; burst took %.1f s%n%n",
                    r.refused(429), r.posts().stream().filter(p -> p.code() != 201 && p.code() != 429).count(), r.reports(), r.burstSeconds());
        }
    }

    Result run(boolean autopilot) throws Exception {
        FreshDatabase.recreate(DATABASE);
        Map<String, String> config = FreshDatabase.settings(DATABASE, 5);
        flushRedis(5);
        config.put("hiwar.moderation.surge.enabled", Boolean.toString(autopilot));
        config.put("hiwar.moderation.surge.calm", settings.calmSeconds() + "s");
        config.put("hiwar.moderation.surge.tick", "1s");
        config.put("hiwar.moderation.new-commenter-pending", "0");
        config.put("hiwar.ratelimit.actions.comment-create", "user:1000/1m, ip:1000000/1m");
        config.put("hiwar.ratelimit.actions.comment-report", "user:1000/1m, ip:1000000/1m");
        config.put("hiwar.ratelimit.actions.settings-admin", "user:1000/1m");
        try (JarInstance jar = JarInstance.start("surge-" + (autopilot ? "on" : "off"), config)) {
            String base = jar.base();
            String moderator = Tokens.moderator("surge-moderator");
            String article = "surge-" + System.currentTimeMillis();
            post(base, moderator, article, "تغطية مباشرة: تابعوا معنا آخر التطورات");
            // Established readers (first seen a month ago) write the news talk; new accounts write the abuse.
            List<String> readers = accounts(base, "reader", 1500);
            List<String> trolls = accounts(base, "troll", 150);
            try (var c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/" + DATABASE, "postgres", "");
                 var st = c.createStatement()) {
                st.execute("update users set created_at = now() - interval '30 days' where subject like 'surge-reader-%'");
            }
            Random random = new Random(42);
            List<Posted> posts = new CopyOnWriteArrayList<>();
            List<Long> published = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger reports = new AtomicInteger();
            ScheduledExecutorService clock = Executors.newScheduledThreadPool(4);
            long start = System.currentTimeMillis();
            int total = settings.seconds() * settings.perSecond();
            AtomicInteger sent = new AtomicInteger();
            long period = 1_000_000_000L / settings.perSecond();
            var sender = clock.scheduleAtFixedRate(() -> {
                if (sent.incrementAndGet() > total) {
                    return;
                }
                boolean bad = random.nextDouble() < settings.abusiveShare();
                String who = bad ? trolls.get(random.nextInt(trolls.size())) : readers.get(random.nextInt(readers.size()));
                String text = bad ? abusive.get(random.nextInt(abusive.size())) : benign.get(random.nextInt(benign.size()));
                long at = System.currentTimeMillis() - start;
                send(base, who, article, text).whenComplete((r, e) -> {
                    if (e != null) {
                        posts.add(new Posted(at, bad, -1, null));
                        return;
                    }
                    JsonObject body = r.statusCode() == 201 ? new JsonObject(r.body()) : null;
                    posts.add(new Posted(at, bad, r.statusCode(), body == null ? null : body.getString("status")));
                    if (body != null && "published".equals(body.getString("status"))) {
                        published.add(body.getLong("id"));
                    }
                });
            }, 0, period, TimeUnit.NANOSECONDS);
            var reporter = clock.scheduleAtFixedRate(() -> {
                long now = System.currentTimeMillis() - start;
                if (now < 20_000 || now > 50_000 || published.isEmpty()) {
                    return;
                }
                long id = published.get(random.nextInt(published.size()));
                String who = readers.get(random.nextInt(readers.size()));
                HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/v1/comments/" + id + "/reports"))
                        .header("Authorization", "Bearer " + who).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"abuse\"}")).build();
                HTTP.sendAsync(req, HttpResponse.BodyHandlers.discarding()).thenAccept(r -> {
                    if (r.statusCode() == 201) {
                        reports.incrementAndGet();
                    }
                });
            }, 0, 1, TimeUnit.SECONDS);
            while (posts.size() < total && System.currentTimeMillis() - start < settings.seconds() * 1000L + 60_000) {
                Thread.sleep(200);
            }
            double burst = (System.currentTimeMillis() - start) / 1000.0;
            sender.cancel(false);
            reporter.cancel(false);
            clock.shutdown();
            // Then the calm: wait for the autopilot to step the article back to normal (or give up).
            long calmDeadline = System.currentTimeMillis() + (settings.calmSeconds() * 4L + 30) * 1000L;
            while (autopilot && System.currentTimeMillis() < calmDeadline && !"normal".equals(step(base, moderator, article))) {
                Thread.sleep(1000);
            }
            List<Step> steps = steps(article, Instant.ofEpochMilli(start));
            return new Result(autopilot, List.copyOf(posts), steps, burst, reports.get());
        }
    }

    private static List<String> accounts(String base, String kind, int n) throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String token = Tokens.reader("surge-" + kind + "-" + i);
            HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me")).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.discarding());
            tokens.add(token);
        }
        return tokens;
    }

    private static java.util.concurrent.CompletableFuture<HttpResponse<String>> send(String base, String token, String article, String text) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/v1/articles/" + article + "/comments"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("body", text).encode())).build();
        return HTTP.sendAsync(req, HttpResponse.BodyHandlers.ofString());
    }

    private static void post(String base, String token, String article, String text) throws Exception {
        HttpResponse<String> r = send(base, token, article, text).get();
        if (r.statusCode() != 201) {
            throw new IllegalStateException("could not open the article: " + r.statusCode() + " " + r.body());
        }
    }

    private static String step(String base, String moderator, String article) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/moderation/surge/" + article))
                .header("Authorization", "Bearer " + moderator).build(), HttpResponse.BodyHandlers.ofString());
        return new JsonObject(r.body()).getString("step");
    }

    /** The steps as the audit log recorded them, oldest first (read in the database: the article's log also holds every comment's entry). */
    private static List<Step> steps(String article, Instant start) throws Exception {
        List<Step> out = new ArrayList<>();
        try (var c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/" + DATABASE, "postgres", "");
             var st = c.prepareStatement("select at, details ->> 'from', details ->> 'to', reason from moderation_audit"
                     + " where action = 'surge-step' and article_id = ? order by id")) {
            st.setString(1, article);
            try (var r = st.executeQuery()) {
                while (r.next()) {
                    out.add(new Step(Duration.between(start, r.getTimestamp(1).toInstant()).toMillis() / 1000.0,
                            r.getString(2), r.getString(3), r.getString(4)));
                }
            }
        }
        return out;
    }

    private static void flushRedis(int db) throws Exception {
        Process p = new ProcessBuilder("redis-cli", "-n", Integer.toString(db), "flushdb").redirectErrorStream(true).start();
        p.waitFor(10, TimeUnit.SECONDS);
    }

}
