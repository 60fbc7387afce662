package com.hiwar.moderation.surge;

import com.hiwar.article.ArticleActivity;
import com.hiwar.audit.Audit;
import com.hiwar.auth.User;
import com.hiwar.comment.CommentChanged;
import com.hiwar.comment.CommentStatus;
import com.hiwar.moderation.rules.SurgeStep;
import com.hiwar.ratelimit.RateLimiter;
import com.hiwar.redis.RedisScript;
import com.hiwar.report.CommentReported;
import com.hiwar.signal.Announcements;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * The surge autopilot. Every committed comment and report is recorded, off the writer's request,
 * in the article's sliding windows in Redis, where one script decides the step atomically: of
 * many instances recording at once, the one whose call crossed a threshold makes the change,
 * audits it and announces it. Each instance keeps the steps of busy articles in memory (the
 * comment path asks on every POST), reloaded on the announcement and on every tick; ticks also
 * step articles down after calm periods and re-apply moderators' pins if Redis lost them.
 */
@ApplicationScoped
public class Surges {

    public static final String CHANNEL = "hiwar:surge";
    static final String STEPS = "hiwar:surge:steps";
    /** When each indexed step began; its hash tag is the index's whole name, so both keys share a cluster slot. */
    static final String STEPS_SINCE = "{" + STEPS + "}:since";
    static final String RECENT = "hiwar:surge:recent";
    static final int RECENT_KEPT = 200;
    static final String SLOW_ACTION = "comment-slow";
    /** Longer than a step change takes to be audited and indexed by the call that made it. */
    static final Duration SETTLED = Duration.ofSeconds(3);
    /** Recording calls one flush keeps in flight at most. */
    static final int FLUSH_CONCURRENCY = 4;
    private static final RedisScript STEP = RedisScript.load("surge/step.lua");
    private static final RedisScript INDEX = RedisScript.load("surge/index.lua");
    private static final Logger LOG = Logger.getLogger(Surges.class);

    /** The article's rates over the window, per minute, and the share of new comments held or rejected. */
    public record Figures(double commentsPerMinute, double reportsPerMinute, double heldShare, double newCommentersPerMinute,
                          long comments) {}

    /** One step's thresholds per minute; 0 switches a figure off. */
    public record Thresholds(int commentsPerMinute, int reportsPerMinute, double heldShare, int newCommentersPerMinute) {

        boolean off() {
            return commentsPerMinute <= 0 && reportsPerMinute <= 0 && heldShare <= 0 && newCommentersPerMinute <= 0;
        }

        /** The figures at or over these thresholds, for the audit log ("comments 95/min >= 90"). */
        String reached(Figures f, int minForShare) {
            List<String> over = new ArrayList<>();
            if (commentsPerMinute > 0 && f.commentsPerMinute() >= commentsPerMinute) {
                over.add("comments %.0f/min >= %d".formatted(f.commentsPerMinute(), commentsPerMinute));
            }
            if (reportsPerMinute > 0 && f.reportsPerMinute() >= reportsPerMinute) {
                over.add("reports %.0f/min >= %d".formatted(f.reportsPerMinute(), reportsPerMinute));
            }
            if (heldShare > 0 && f.comments() >= minForShare && f.heldShare() >= heldShare) {
                over.add("held share %.2f >= %.2f".formatted(f.heldShare(), heldShare));
            }
            if (newCommentersPerMinute > 0 && f.newCommentersPerMinute() >= newCommentersPerMinute) {
                over.add("new commenters %.0f/min >= %d".formatted(f.newCommentersPerMinute(), newCommentersPerMinute));
            }
            return String.join(", ", over);
        }
    }

    /** What one evaluation found: the step before and after, the figures, since when the step holds, and the level the figures reach. */
    public record Outcome(SurgeStep before, SurgeStep after, Figures figures, Instant since, SurgeStep level) {}

    /** A moderator's pin and thresholds for one article, as every instance holds them. */
    record Setting(SurgeStep pinned, Map<SurgeStep, Thresholds> thresholds) {}

    private final com.github.benmanes.caffeine.cache.Cache<String, Boolean> marked = com.github.benmanes.caffeine.cache.Caffeine
            .newBuilder().expireAfterWrite(Duration.ofSeconds(5)).maximumSize(10_000).build();
    private final com.github.benmanes.caffeine.cache.Cache<Long, Instant> firstSeen = com.github.benmanes.caffeine.cache.Caffeine
            .newBuilder().maximumSize(200_000).build();
    private volatile Map<String, SurgeStep> steps = Map.of();
    private volatile Map<String, Setting> settings = Map.of();
    private Announcements announcements;

    @Inject
    RedisDataSource redis;

    @Inject
    ReactiveRedisDataSource reactive;

    @Inject
    SurgeConfig config;

    @Inject
    SurgeClock clock;

    @Inject
    RateLimiter limiter;

    @Inject
    Event<SurgeChanged> changes;

    @Inject
    Event<ArticleActivity> activity;

    @Inject
    ManagedExecutor executor;

    @Inject
    io.vertx.core.Vertx vertx;

    void start(@Observes StartupEvent event) {
        vertx.setPeriodic(config.flush().toMillis(), id -> flush());
        reloadSettings();
        announcements = new Announcements(redis, CHANNEL, "surge");
        announcements.listen(this::reload);
        reloadSteps();
    }

    /** The article's step now, from memory: asked on every new comment. */
    public SurgeStep step(String articleId) {
        return steps.getOrDefault(articleId, SurgeStep.NORMAL);
    }

    /** How often a reader may comment on an article that is slow or held. */
    public long waitSeconds(SurgeStep step) {
        return step == SurgeStep.SLOW || step == SurgeStep.HELD
                ? limiter.interval(SLOW_ACTION).map(Duration::toSeconds).orElse(0L) : 0;
    }

    void onComment(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentChanged e) {
        if (config.enabled() && e.change() == CommentChanged.Change.CREATED) {
            boolean held = e.status() != CommentStatus.PUBLISHED;
            String member = Long.toString(e.id());
            Long author = e.authorId();
            Instant seen = author == null ? Instant.EPOCH : firstSeen.getIfPresent(author);
            if (seen != null) {
                gather(e.articleId(), new Gathered("c", member, held, newcomer(author, seen)));
            } else { // first comment of this author here: who they are takes a query, off the request thread
                executor.execute(() -> gather(e.articleId(), new Gathered("c", member, held, newcomer(author, firstSeen(author)))));
            }
        }
    }

    void onReport(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentReported e) {
        if (config.enabled()) {
            gather(e.articleId(), new Gathered("r", e.commentId() + ":" + UUID.randomUUID(), false, ""));
        }
    }

    /** A comment ("c") or report ("r") waiting for the next flush; {@code member} names it, so it counts once. */
    record Gathered(String type, String member, boolean held, String newcomer) {}

    private final Map<String, java.util.Queue<Gathered>> gathered = new java.util.concurrent.ConcurrentHashMap<>();

    /** Keeps the event for the article's next flush: one script call per busy article per flush, however many comments. */
    private void gather(String articleId, Gathered event) {
        // Added under the map's lock for the article, so a flush dropping its empty queue cannot orphan the event.
        gathered.compute(articleId, (a, queue) -> {
            java.util.Queue<Gathered> q = queue != null ? queue : new java.util.concurrent.ConcurrentLinkedQueue<>();
            q.add(event);
            return q;
        });
    }

    /**
     * Sends what each article gathered since the last flush, a few calls at a time: the rate
     * limiter shares the Redis connection pool, and must not queue behind a flush.
     */
    void flush() {
        List<Map.Entry<String, List<Gathered>>> batches = new ArrayList<>();
        for (Map.Entry<String, java.util.Queue<Gathered>> entry : gathered.entrySet()) {
            List<Gathered> events = new ArrayList<>();
            for (Gathered e; (e = entry.getValue().poll()) != null; ) {
                events.add(e);
            }
            if (events.isEmpty()) {
                gathered.computeIfPresent(entry.getKey(), (a, q) -> q.isEmpty() ? null : q); // quiet until its next event
            } else {
                batches.add(Map.entry(entry.getKey(), events));
            }
        }
        if (!batches.isEmpty()) {
            io.smallrye.mutiny.Multi.createFrom().iterable(batches)
                    .onItem().transformToUni(b -> io.smallrye.mutiny.Uni.createFrom().completionStage(() -> record(b.getKey(), "record", b.getValue())))
                    .merge(FLUSH_CONCURRENCY)
                    .subscribe().with(done -> { }, e -> LOG.warnf("Surge flush failed: %s", e.toString()));
        }
    }

    /**
     * Records gathered events without holding any thread: the script's answer arrives on the Redis
     * client's event loop, and only a change of step (rare) moves to a worker to be audited and
     * announced. The member names the event, so the one retry after a failure cannot count it twice.
     */
    private CompletableFuture<Void> record(String articleId, String kind, List<Gathered> events) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        STEP.run(reactive, args(articleId, kind, events)).onFailure().retry().atMost(1)
                .subscribe().with(r -> {
                    Outcome o = outcome(r);
                    if (o.before() != o.after() || o.after() != step(articleId)) {
                        executor.execute(() -> {
                            guarded(articleId, () -> act(articleId, o));
                            done.complete(null);
                        });
                    } else {
                        done.complete(null);
                    }
                }, e -> {
                    LOG.warnf("Surge recording on article %s failed: %s", articleId, e.toString());
                    done.complete(null);
                });
        if (kind.equals("record") && marked.asMap().putIfAbsent(articleId, Boolean.TRUE) == null) {
            // The panel's list of active articles needs no more than one mark per article every few seconds.
            reactive.execute("ZADD", RECENT, Long.toString(clock.now().toEpochMilli()), articleId).subscribe()
                    .with(ok -> { }, e -> LOG.debugf("Article %s not marked active: %s", articleId, e.toString()));
        }
        return done;
    }

    /** Steps busy articles down after calm periods, re-applies pins, and picks up steps announced while Redis was away. */
    @Scheduled(every = "${hiwar.moderation.surge.tick:5s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        tickNow();
    }

    /** One tick; done when every busy article was evaluated and any change of step audited and announced. */
    public CompletableFuture<Void> tickNow() {
        reloadSteps();
        try {
            redis.execute("ZREMRANGEBYSCORE", RECENT, "-inf", "(" + (clock.now().toEpochMilli() - config.window().toMillis()));
            redis.execute("ZREMRANGEBYRANK", RECENT, "0", Long.toString(-RECENT_KEPT - 1));
        } catch (RuntimeException e) {
            LOG.debugf("Recent articles not trimmed: %s", e.getMessage());
        }
        Set<String> busy = new LinkedHashSet<>(steps.keySet());
        settings.forEach((article, s) -> {
            if (s.pinned() != null) {
                busy.add(article);
            }
        });
        // All at once and without holding this thread: a slow Redis must not stretch one tick over minutes.
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (String article : busy) {
            all.add(record(article, "tick", List.of()));
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    /** The figures and step of an article now, without recording anything or changing its step. */
    public Outcome peek(String articleId) {
        return run(articleId, "peek");
    }

    /** Articles with comments in the recent past, the busiest first, and every article that is not normal or is pinned. */
    public List<String> recentArticles(int n) {
        Set<String> ids = new LinkedHashSet<>(steps.keySet());
        settings.forEach((article, s) -> {
            if (s.pinned() != null) {
                ids.add(article);
            }
        });
        long now = clock.now().toEpochMilli();
        long from = now - config.window().toMillis();
        Response recent = redis.execute("ZRANGE", RECENT, Long.toString(now), Long.toString(from), "BYSCORE", "REV", "LIMIT", "0",
                Integer.toString(n));
        recent.forEach(r -> ids.add(r.toString()));
        return new ArrayList<>(ids);
    }

    public Setting setting(String articleId) {
        return settings.get(articleId);
    }

    /** Audits and announces a change of step, or repairs the index after a change whose own call lost its answer. */
    private void act(String articleId, Outcome o) {
        if (o.before() != o.after()) {
            Setting s = settings.get(articleId);
            String trigger;
            if (s != null && s.pinned() == o.after()) {
                trigger = "pinned to " + o.after().wire();
            } else if (o.after().compareTo(o.before()) > 0) {
                trigger = thresholds(articleId).get(o.after()).reached(o.figures(), config.minCommentsForShare());
            } else {
                long calm = config.calm().toSeconds();
                trigger = "calm for " + (calm % 60 == 0 ? calm / 60 + " min" : calm + " s");
            }
            changed(articleId, o, trigger);
        } else if (o.after() != step(articleId) && clock.now().isAfter(o.since().plus(SETTLED)) && o.after() != indexed(articleId)) {
            // The call that changed the step lost its answer (a timeout) and never told anyone: the
            // index and the log catch up now. A change younger than SETTLED is left to its own call.
            changed(articleId, new Outcome(indexed(articleId), o.after(), o.figures(), o.since(), o.level()),
                    "recorded by a call whose answer was lost");
        }
    }

    /** The step the shared index holds for the article (what every instance loads). */
    private SurgeStep indexed(String articleId) {
        Response r = redis.execute("HGET", STEPS, articleId);
        return r == null ? SurgeStep.NORMAL : SurgeStep.of(r.toInteger());
    }

    private Outcome run(String articleId, String kind) {
        return outcome(STEP.run(redis, args(articleId, kind, List.of())));
    }

    private String[] args(String articleId, String kind, List<Gathered> events) {
        Setting s = settings.get(articleId);
        Map<SurgeStep, Thresholds> t = thresholds(articleId);
        long window = config.window().toMillis();
        List<String> args = new ArrayList<>(List.of("5", key(articleId, "state"), key(articleId, "c"), key(articleId, "h"),
                key(articleId, "r"), key(articleId, "n"),
                Long.toString(clock.now().toEpochMilli()), kind, Long.toString(window), Long.toString(config.calm().toMillis()),
                Integer.toString(config.minCommentsForShare()),
                Integer.toString(s == null || s.pinned() == null ? -1 : s.pinned().ordinal()),
                Long.toString(keyLifetimeMillis())));
        for (SurgeStep step : List.of(SurgeStep.SLOW, SurgeStep.HELD, SurgeStep.CLOSED)) {
            Thresholds th = t.get(step);
            args.add(Integer.toString(th.commentsPerMinute()));
            args.add(Integer.toString(th.reportsPerMinute()));
            args.add(Long.toString(Math.round(th.heldShare() * 1000)));
            args.add(Integer.toString(th.newCommentersPerMinute()));
        }
        for (Gathered e : events) {
            args.addAll(List.of(e.type(), e.member(), e.held() ? "1" : "0", e.newcomer()));
        }
        return args.toArray(String[]::new);
    }

    private Outcome outcome(Response r) {
        long window = config.window().toMillis();
        double perMinute = 60_000.0 / window;
        long comments = r.get(2).toLong();
        Figures f = new Figures(comments * perMinute, r.get(4).toLong() * perMinute,
                comments >= config.minCommentsForShare() && comments > 0 ? (double) r.get(3).toLong() / comments : 0,
                r.get(5).toLong() * perMinute, comments);
        return new Outcome(SurgeStep.of(r.get(0).toInteger()), SurgeStep.of(r.get(1).toInteger()), f,
                Instant.ofEpochMilli(r.get(6).toLong()), SurgeStep.of(r.get(7).toInteger()));
    }

    /** The site's thresholds with the article's own on top; closed is off unless enabled or the article sets it. */
    Map<SurgeStep, Thresholds> thresholds(String articleId) {
        Map<SurgeStep, Thresholds> t = new LinkedHashMap<>();
        t.put(SurgeStep.SLOW, of(config.slow()));
        t.put(SurgeStep.HELD, of(config.held()));
        t.put(SurgeStep.CLOSED, config.closed().enabled() ? of(config.closed()) : new Thresholds(0, 0, 0, 0));
        Setting s = settings.get(articleId);
        if (s != null) {
            t.putAll(s.thresholds());
        }
        return t;
    }

    static Thresholds of(SurgeConfig.Thresholds c) {
        return new Thresholds(c.commentsPerMinute(), c.reportsPerMinute(), c.heldShare(), c.newCommentersPerMinute());
    }

    private void changed(String articleId, Outcome o, String trigger) {
        Instant at = clock.now();
        long wait = waitSeconds(o.after());
        // Indexed first: a change that a later one overtook is still audited, but no longer announced to readers.
        boolean current = index(articleId, o.after(), o.since());
        QuarkusTransaction.requiringNew().run(() -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("from", o.before().wire());
            details.put("to", o.after().wire());
            details.put("commentsPerMinute", o.figures().commentsPerMinute());
            details.put("reportsPerMinute", o.figures().reportsPerMinute());
            details.put("heldShare", o.figures().heldShare());
            details.put("newCommentersPerMinute", o.figures().newCommentersPerMinute());
            Audit.record("system", "surge-step", null, null, articleId, trigger, details);
            changes.fire(new SurgeChanged(articleId, o.before().wire(), o.after().wire(), o.figures(), trigger, "system",
                    wait, at, !current));
        });
        reloadSteps();
        announcements.announce("steps " + articleId);
        LOG.infof("Article %s: %s -> %s (%s)", articleId, o.before().wire(), o.after().wire(), trigger);
    }

    /** How long an article's surge keys outlive its last event: past it, nothing about the article is left to race. */
    private long keyLifetimeMillis() {
        return 2 * Math.max(config.window().toMillis(), config.calm().toMillis());
    }

    /** Writes the step to the shared index unless a later change was indexed first; false when overtaken. */
    boolean index(String articleId, SurgeStep step, Instant since) {
        long forget = clock.now().toEpochMilli() - keyLifetimeMillis();
        return INDEX.run(redis, "2", STEPS, STEPS_SINCE, articleId, Integer.toString(step.ordinal()),
                Long.toString(since.toEpochMilli()), Long.toString(forget)).toInteger() == 1;
    }

    private void reload() {
        reloadSettings();
        reloadSteps();
    }

    /** Busy articles' steps from Redis; the pages of any article whose step moved are evicted here. */
    synchronized void reloadSteps() {
        Map<String, SurgeStep> loaded = new HashMap<>();
        try {
            Response all = redis.execute("HGETALL", STEPS);
            if (all != null) {
                for (String field : all.getKeys()) {
                    loaded.put(field, SurgeStep.of(all.get(field).toInteger()));
                }
            }
        } catch (RuntimeException e) {
            LOG.debugf("Surge steps not reloaded (%s); keeping the last known", e.getMessage());
            return;
        }
        Map<String, SurgeStep> before = steps;
        steps = Map.copyOf(loaded);
        Set<String> moved = new LinkedHashSet<>(before.keySet());
        moved.addAll(loaded.keySet());
        moved.removeIf(a -> before.get(a) == loaded.get(a));
        moved.forEach(a -> activity.fire(new ArticleActivity(a)));
    }

    synchronized void reloadSettings() {
        Map<String, Setting> loaded = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> SurgeSetting.<SurgeSetting>listAll().forEach(s -> loaded.put(s.articleId,
                new Setting(s.pinnedStep == null ? null : SurgeStep.parse(s.pinnedStep).orElse(null), overrides(s)))));
        settings = Map.copyOf(loaded);
    }

    /** After a moderator's change: every instance reloads, and the pin takes effect now. */
    void settingsChanged(String articleId) {
        reloadSettings();
        announcements.announce("settings " + articleId);
        record(articleId, "tick", List.of()).join(); // the new setting's step is applied before the answer
    }

    private Map<SurgeStep, Thresholds> overrides(SurgeSetting s) {
        Map<SurgeStep, Thresholds> out = new LinkedHashMap<>();
        if (s.thresholds == null) {
            return out;
        }
        s.thresholds.forEach((stepName, figures) -> SurgeStep.parse(stepName).ifPresent(step -> {
            Thresholds base = step == SurgeStep.SLOW ? of(config.slow()) : step == SurgeStep.HELD ? of(config.held())
                    : of(config.closed());
            out.put(step, new Thresholds(
                    intOr(figures.get("commentsPerMinute"), base.commentsPerMinute()),
                    intOr(figures.get("reportsPerMinute"), base.reportsPerMinute()),
                    figures.get("heldShare") == null ? base.heldShare() : figures.get("heldShare").doubleValue(),
                    intOr(figures.get("newCommentersPerMinute"), base.newCommentersPerMinute())));
        }));
        return out;
    }

    private static int intOr(Number n, int fallback) {
        return n == null ? fallback : n.intValue();
    }

    /** A reader's id when their account was first seen within the configured age, else "". */
    private String newcomer(Long authorId, Instant firstSeen) {
        return authorId != null && firstSeen.isAfter(clock.now().minus(config.newCommenterAge())) ? authorId.toString() : "";
    }

    /** When the author was first seen (staff: never new), read once per author and kept: it never changes. */
    private Instant firstSeen(Long authorId) {
        if (authorId == null) {
            return Instant.EPOCH;
        }
        return firstSeen.get(authorId, id -> {
            User u = QuarkusTransaction.requiringNew().call(() -> User.byIds(List.of(id)).get(id));
            return u == null || u.isStaff() || u.createdAt == null ? Instant.EPOCH : u.createdAt;
        });
    }

    /**
     * A Redis or database failure costs this evaluation, never the comment that caused it. A
     * recording is safe to repeat (its member is the comment's id), so it is tried twice: a burst
     * is when a command most often outlives the client's short timeout.
     */
    private static void guarded(String articleId, Runnable work) {
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                return;
            } catch (RuntimeException e) {
                if (attempt == 2) {
                    LOG.warnf("Surge evaluation of article %s failed: %s", articleId, e.toString());
                    return;
                }
            }
        }
    }

    /** The article's keys share its hash tag, so the script runs on one Redis Cluster node. */
    static String key(String articleId, String part) {
        return "hiwar:surge:{" + articleId + "}:" + part;
    }
}
