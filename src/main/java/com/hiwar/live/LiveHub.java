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
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * This instance's live streams. Every instance holds one Redis pub/sub subscription and
 * relays each event to its own readers of that article; each article's events also live in a
 * Redis stream, which reconnecting readers catch up from (Last-Event-ID) and which the hub
 * replays after its own subscription was lost. Nothing here is shared between instances
 * except through Redis.
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

    /**
     * The application's Redis client, configured by quarkus.redis.* (standalone or Sentinel): the
     * subscription takes one connection of its own from it and follows a failover like every command.
     */
    @Inject
    Redis subscriber;

    @ConfigProperty(name = "quarkus.redis.client-type", defaultValue = "standalone")
    String clientType;

    @ConfigProperty(name = "quarkus.redis.hosts")
    List<String> seeds;

    private final Map<String, Redis> nodeClients = new ConcurrentHashMap<>();
    private final AtomicInteger nextSeed = new AtomicInteger();

    private final Map<String, Topic> topics = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private volatile RedisConnection subscription;
    private volatile boolean stopping;
    private volatile boolean draining;
    private volatile boolean subscribedOnce;
    private volatile boolean warned;

    void start(@Observes StartupEvent event) {
        Gauge.builder("hiwar.live.connections", open, AtomicInteger::get).register(metrics);
        subscribe();
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
        stopping = true;
        topics.values().forEach(t -> t.connections.forEach(Connection::close));
        if (subscription != null) {
            subscription.close();
        }
        nodeClients.values().forEach(Redis::close);
    }

    public static String streamKey(String articleId) {
        return "live:{" + articleId + "}"; // the hash tag keeps an article's keys on one Redis Cluster slot
    }

    // --- The subscription ----------------------------------------------------------------

    private void subscribe() {
        connectSubscriber().onSuccess(conn -> {
            AtomicBoolean over = new AtomicBoolean();
            conn.handler(this::onMessage);
            conn.exceptionHandler(e -> lost(conn, over, e, true));
            conn.endHandler(v -> lost(conn, over, null, false));
            conn.send(Request.cmd(Command.SUBSCRIBE).arg(config.channel())).onSuccess(ok -> {
                subscription = conn;
                if (subscribedOnce) {
                    LOG.info("Live subscription restored; replaying what was missed");
                    topics.values().forEach(this::resync);
                }
                subscribedOnce = true;
                warned = false;
            }).onFailure(e -> lost(conn, over, e, true));
        }).onFailure(e -> retrySubscribe(e));
    }

    /**
     * The connection the subscription uses. One server or Sentinel: one of the application's
     * client, which follows a failover. Redis Cluster: a plain connection to one node, the next
     * seed after each loss; classic pub/sub reaches every node of a cluster, and a cluster
     * connection (which spreads commands over nodes) is no place for a subscription.
     */
    private Future<RedisConnection> connectSubscriber() {
        if (!"cluster".equalsIgnoreCase(clientType)) {
            return subscriber.connect();
        }
        String host = seeds.get(Math.floorMod(nextSeed.getAndIncrement(), seeds.size())).strip();
        return nodeClients.computeIfAbsent(host, h -> Redis.createClient(vertx, new RedisOptions()
                .setConnectionString(h))).connect();
    }

    /** Each connection is given up once, however many of its handlers report the loss; an ended one is not closed again. */
    private void lost(RedisConnection conn, AtomicBoolean over, Throwable e, boolean close) {
        if (!over.compareAndSet(false, true)) {
            return;
        }
        if (subscription == conn) {
            subscription = null;
        }
        if (close) {
            conn.close();
        }
        retrySubscribe(e);
    }

    private void retrySubscribe(Throwable e) {
        if (stopping) {
            return;
        }
        metrics.counter("hiwar.live.subscription.retries").increment();
        if (!warned) { // once per outage, not once per retry
            warned = true;
            LOG.warnf("Live subscription to Redis unavailable (%s); retrying every second", e == null ? "closed" : e.toString());
        }
        vertx.setTimer(1000, t -> subscribe());
    }

    /** "article \n id \n type \n json", as publish.lua writes it. */
    private void onMessage(Response message) {
        if (message.size() < 3 || !"message".equals(message.get(0).toString())) {
            return;
        }
        String payload = message.get(2).toString();
        int a = payload.indexOf('\n');
        int b = payload.indexOf('\n', a + 1);
        int c = payload.indexOf('\n', b + 1);
        if (a < 0 || b < 0 || c < 0) {
            return;
        }
        String articleId = payload.substring(0, a);
        LiveEvent event = new LiveEvent(payload.substring(a + 1, b), payload.substring(b + 1, c), payload.substring(c + 1));
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
        String last = topic.lastId;
        if (last == null || LiveEvent.compare(event.id(), last) > 0) {
            topic.lastId = event.id();
        }
        topic.connections.forEach(c -> c.deliver(event));
    }

    /** After the subscription came back: replay each article's history since its last relayed event. */
    private void resync(Topic topic) {
        String last = topic.lastId;
        if (last == null) {
            return;
        }
        history(topic.articleId, last).subscribe().with(events -> {
            if (events == null) {
                topic.connections.forEach(c -> c.refetch(null));
            } else {
                events.forEach(e -> relay(topic, e));
            }
        }, e -> topic.connections.forEach(c -> c.refetch(null)));
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
     * Opens a stream: registered first (events arriving meanwhile are held), then caught up
     * from the history when the reader names the last event it saw, then live.
     */
    void join(String articleId, HttpServerResponse response, String lastEventId, ClientSlots.Slot slot) {
        Topic topic = topics.computeIfAbsent(articleId, Topic::new);
        Connection connection = new Connection(response, config.retry().toMillis(), slot);
        topic.connections.add(connection);
        response.closeHandler(v -> leave(topic, connection));
        response.exceptionHandler(e -> connection.close());
        if (draining) { // passed the resource's check just before the drain began
            connection.reconnect(reconnectDelay());
            return;
        }
        watchClosing(topic);
        if (lastEventId != null && LiveEvent.isId(lastEventId)) {
            history(articleId, lastEventId).subscribe().with(events -> {
                if (events == null) {
                    latestId(articleId).subscribe().with(connection::refetch, e -> connection.refetch(null));
                } else {
                    connection.goLive(lastEventId, events);
                }
            }, e -> connection.refetch(null));
        } else {
            latestId(articleId).subscribe().with(id -> connection.goLive(id, List.of()),
                    e -> connection.refetch(null));
        }
        if (lastEventId != null && !LiveEvent.isId(lastEventId)) {
            metrics.counter("hiwar.live.bad.last.event.id").increment();
        }
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
