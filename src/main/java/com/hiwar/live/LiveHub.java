package com.hiwar.live;

import com.hiwar.article.ArticleActivity;
import com.hiwar.article.ArticleService;
import com.hiwar.comment.CommentService;
import com.hiwar.comment.CommentView;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * This instance's live streams. While an article has readers here, the instance subscribes its
 * Redis channel ({@link LiveSubscriptions}) and relays each event to them; each article's events
 * also live in a Redis stream, which reconnecting readers catch up from (Last-Event-ID) and
 * which the hub replays after a lost subscription came back. Nothing here is shared between
 * instances except through Redis.
 */
@ApplicationScoped
public class LiveHub {

    private static final Logger LOG = Logger.getLogger(LiveHub.class);
    static final String HEARTBEAT = ": keep-alive\n\n";

    /** The readers of one article on this instance, and the last event relayed to them. */
    static final class Topic {
        final String articleId;
        final Set<Connection> connections = ConcurrentHashMap.newKeySet();
        volatile String lastId;
        long closeTimer = -1;

        Topic(String articleId) {
            this.articleId = articleId;
        }
    }

    @Inject
    ArticleService articles;

    @Inject
    LiveConfig config;

    @Inject
    Vertx vertx;

    @Inject
    ReactiveRedisDataSource redis;

    @Inject
    Event<ArticleActivity> activity;

    @Inject
    ManagedExecutor executor;

    @Inject
    CommentService comments;

    @Inject
    ClientSlots slots;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    @Inject
    MeterRegistry metrics;

    @Inject
    LiveSubscriptions subscriptions;

    private final Map<String, Topic> topics = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private volatile boolean draining;

    void start(@Observes StartupEvent event) {
        Gauge.builder("hiwar.live.connections", open, AtomicInteger::get).register(metrics);
        subscriptions.start(new LiveSubscriptions.Listener() {
            @Override
            public void event(String articleId, LiveEvent event) {
                onEvent(articleId, event);
            }

            @Override
            public void announced(String articleId) {
                activity.fire(new ArticleActivity(articleId));
            }

            @Override
            public void resubscribed(String articleId) {
                Topic topic = topics.get(articleId);
                if (topic != null) {
                    resync(topic);
                }
            }
        });
        vertx.setPeriodic(config.heartbeat().toMillis(), t -> heartbeat());
    }

    /**
     * SIGTERM (readiness is down from here on, and the balancer moves new traffic away): every
     * stream is told to reconnect, each after its own delay, and ended, so open streams do not
     * hold up the HTTP drain that follows; streams opened from now on get the same answer.
     */
    void drain(@Observes ShutdownDelayInitiatedEvent event) {
        draining = true;
        int told = 0;
        for (Topic topic : topics.values()) {
            for (Connection c : topic.connections) {
                c.reconnect(reconnectDelay());
                told++;
            }
        }
        LOG.infof("Shutting down: told %d live streams to reconnect elsewhere", told);
    }

    boolean draining() {
        return draining;
    }

    /** The reconnect frame for a stream that arrives while this instance stops. */
    void sendAway(HttpServerResponse response) {
        response.setChunked(true).putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-store").end(Connection.reconnectFrame(reconnectDelay()));
    }

    private long reconnectDelay() {
        return config.retry().toMillis()
                + ThreadLocalRandom.current().nextLong(config.drainSpread().toMillis() + 1);
    }

    void stop(@Observes ShutdownEvent event) {
        topics.values().forEach(t -> t.connections.forEach(Connection::close));
        subscriptions.stop();
    }

    public static String streamKey(String articleId) {
        return "live:{" + articleId + "}"; // the hash tag keeps an article's keys on one Redis Cluster slot
    }

    // --- What the subscriptions bring -------------------------------------------------------

    /** An article's event from Redis: caches drop the article first, then its readers here get it. */
    private void onEvent(String articleId, LiveEvent event) {
        activity.fire(new ArticleActivity(articleId));
        Topic topic = topics.get(articleId);
        if (topic != null) {
            relay(topic, event);
            if ("article".equals(event.type())) { // a moderator changed the closing time: follow it
                JsonObject state = new JsonObject(event.json());
                String closesAt = state.getString("closesAt");
                armClosing(topic, state.getBoolean("open", true) && closesAt != null ? Instant.parse(closesAt) : null);
            }
        }
    }

    private void relay(Topic topic, LiveEvent event) {
        advance(topic, event.id());
        topic.connections.forEach(c -> c.deliver(event));
    }

    /** The newest event this instance's readers of the topic are known to have: where a replay starts. */
    private static void advance(Topic topic, String id) {
        synchronized (topic) {
            String last = topic.lastId;
            if (last == null || LiveEvent.compare(id, last) > 0) {
                topic.lastId = id;
            }
        }
    }

    /**
     * The article's channel came back after a loss: its readers here hold what arrives from now
     * on, get the history since the last event relayed, then what they held.
     */
    private void resync(Topic topic) {
        String last = topic.lastId;
        if (last == null) {
            return;
        }
        List<Connection> held = List.copyOf(topic.connections);
        held.forEach(Connection::hold);
        history(topic.articleId, last).subscribe().with(events -> {
            if (events == null) {
                held.forEach(c -> c.refetch(null));
            } else {
                events.forEach(e -> advance(topic, e.id()));
                held.forEach(c -> c.resume(events));
            }
        }, e -> held.forEach(c -> c.refetch(null)));
    }

    // --- Readers ---------------------------------------------------------------------------

    /** False when this instance is full. */
    boolean tryReserve() {
        if (open.incrementAndGet() > config.maxConnections()) {
            open.decrementAndGet();
            return false;
        }
        return true;
    }

    /** Gives back a place {@link #tryReserve()} took, for a stream that did not open. */
    void release() {
        open.decrementAndGet();
    }

    /**
     * Opens a stream: registered first (events arriving meanwhile are held), then, once the
     * article's channel is subscribed, caught up from the history when the reader names the
     * last event it saw, then live.
     */
    void join(String articleId, HttpServerResponse response, String lastEventId, ClientSlots.Slot slot) {
        Connection connection = new Connection(response, config.retry().toMillis(), slot);
        // Joined inside the map's atomic step, so a last reader leaving at the same time cannot drop this topic.
        Topic topic = topics.compute(articleId, (id, t) -> {
            Topic joined = t == null ? new Topic(id) : t;
            joined.connections.add(connection);
            return joined;
        });
        response.closeHandler(v -> leave(topic, connection));
        response.exceptionHandler(e -> connection.close());
        if (draining) { // passed the resource's check just before the drain began
            connection.reconnect(reconnectDelay());
            return;
        }
        watchClosing(topic);
        if (lastEventId != null && !LiveEvent.isId(lastEventId)) {
            metrics.counter("hiwar.live.bad.last.event.id").increment();
        }
        String from = LiveEvent.isId(lastEventId) ? lastEventId : null;
        subscriptions.subscribe(articleId).onComplete(subscribed -> {
            if (subscribed.failed()) {
                connection.refetch(null);
            } else if (from != null) {
                history(articleId, from).subscribe().with(events -> {
                    if (events == null) {
                        latestId(articleId).subscribe().with(id -> {
                            advance(topic, id);
                            connection.refetch(id);
                        }, e -> connection.refetch(null));
                    } else {
                        advance(topic, from);
                        connection.goLive(from, events);
                    }
                }, e -> connection.refetch(null));
            } else {
                latestId(articleId).subscribe().with(id -> {
                    advance(topic, id);
                    connection.goLive(id, List.of());
                }, e -> connection.refetch(null));
            }
        });
    }

    private void leave(Topic topic, Connection connection) {
        if (topic.connections.remove(connection)) {
            open.decrementAndGet();
            slots.release(connection.slot);
        }
        topics.computeIfPresent(topic.articleId, (id, t) -> {
            if (!t.connections.isEmpty()) {
                return t;
            }
            if (t.closeTimer >= 0) {
                vertx.cancelTimer(t.closeTimer);
            }
            subscriptions.unsubscribe(id); // queued inside the atomic step: a reader joining next subscribes after it
            return null;
        });
    }

    /** Events after {@code afterId}, or null when the history no longer reaches back to it (trimmed, or Redis restarted). */
    Uni<List<LiveEvent>> history(String articleId, String afterId) {
        return redis.execute("XRANGE", streamKey(articleId), afterId, "+", "COUNT", Integer.toString(config.maxCatchUp() + 2))
                .map(r -> {
                    List<LiveEvent> events = new ArrayList<>();
                    boolean found = false;
                    for (Response entry : r.getDelegate()) {
                        String id = entry.get(0).toString();
                        if (id.equals(afterId)) {
                            found = true;
                            continue;
                        }
                        Response fields = entry.get(1);
                        events.add(new LiveEvent(id, field(fields, "t"), field(fields, "d")));
                    }
                    if ((!found && !afterId.equals("0-0")) || events.size() > config.maxCatchUp()) {
                        return null;
                    }
                    return events;
                })
                .flatMap(events -> events == null ? Uni.createFrom().nullItem() : current(events));
    }

    /**
     * The history as it may be replayed now: each comment event carries the comment as it is
     * public now, and events of comments that are no longer public are left out (their removal
     * follows in the history). Nothing rejected, hidden, edited away or erased is ever replayed.
     */
    private Uni<List<LiveEvent>> current(List<LiveEvent> events) {
        Map<LiveEvent, Long> commentIds = new java.util.IdentityHashMap<>();
        events.stream().filter(LiveHub::isCommentEvent).forEach(e -> commentIds.put(e, new JsonObject(e.json()).getLong("id")));
        if (commentIds.isEmpty()) {
            return Uni.createFrom().item(events);
        }
        return Uni.createFrom().item(() -> comments.publicViews(Set.copyOf(commentIds.values())))
                .runSubscriptionOn(executor)
                .map(views -> events.stream()
                        .filter(e -> !commentIds.containsKey(e) || views.containsKey(commentIds.get(e)))
                        .map(e -> commentIds.containsKey(e) ? new LiveEvent(e.id(), e.type(), encode(views.get(commentIds.get(e)))) : e)
                        .toList());
    }

    private String encode(CommentView view) {
        try {
            return json.writeValueAsString(view); // the publisher's mapper: the same JSON as live events
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isCommentEvent(LiveEvent e) {
        return "comment".equals(e.type()) || "comment-updated".equals(e.type());
    }

    private Uni<String> latestId(String articleId) {
        return redis.execute("XREVRANGE", streamKey(articleId), "+", "-", "COUNT", "1")
                .map(r -> r.size() == 0 ? "0-0" : r.get(0).get(0).toString());
    }

    private static String field(Response fields, String name) {
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            if (name.equals(fields.get(i).toString())) {
                return fields.get(i + 1).toString();
            }
        }
        return null;
    }

    /** An article with a closing time tells its readers when it passes (no instance has to publish it). */
    private void watchClosing(Topic topic) {
        synchronized (topic) {
            if (topic.closeTimer != -1) {
                return;
            }
            topic.closeTimer = -2; // looking
        }
        executor.execute(() -> armClosing(topic, QuarkusTransaction.requiringNew().call(() ->
                articles.find(topic.articleId).map(a -> a.open ? a.closesAt : null).orElse(null))));
    }

    /** (Re)sets the topic's closing timer; null closes nothing. Timers more than a week out wait for a later stream. */
    private void armClosing(Topic topic, Instant closesAt) {
        synchronized (topic) {
            if (topic.closeTimer >= 0) {
                vertx.cancelTimer(topic.closeTimer);
            }
            topic.closeTimer = -2;
            long delay = closesAt == null ? -1 : Math.max(1, closesAt.toEpochMilli() - System.currentTimeMillis());
            if (delay > 0 && delay < 7L * 24 * 3600 * 1000) {
                topic.closeTimer = vertx.setTimer(delay, t -> topic.connections.forEach(c -> c.deliverLocal(
                        "article", "{\"open\":false,\"closesAt\":\"" + closesAt + "\"}")));
            }
        }
    }

    private void heartbeat() {
        topics.values().forEach(t -> t.connections.forEach(Connection::heartbeat));
        slots.renew(topics.values().stream().flatMap(t -> t.connections.stream()).map(c -> c.slot).toList());
    }
}
