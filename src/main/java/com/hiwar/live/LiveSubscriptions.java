package com.hiwar.live;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import io.vertx.redis.client.impl.ZModem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * This instance's Redis subscriptions. Each article with a reader here has a channel of its
 * own, {@code <channel>:{articleId}}, subscribed while the reader stays: events carry comments,
 * so an instance takes only its readers' articles. On Redis 7 these are shard channels
 * (SSUBSCRIBE/SPUBLISH): on a Redis Cluster a shard channel lives on the node that owns its
 * slot (the article's history shares the hash tag), so an event reaches that node and its
 * replicas only, not every node. Besides, every instance subscribes the announcement channel
 * {@code <channel>}, which carries only the article id of each event, for the caches of every
 * instance.
 *
 * <p>The wanted subscriptions are reconciled with the connections whenever either changes: a
 * connection lost (a killed master), a channel moved by the cluster (the server's own
 * SUNSUBSCRIBE after a failover or resharding), or a MOVED error lead to a fresh slot map and
 * new subscriptions, retried every second until Redis answers; an article subscribed again is
 * replayed from its history by the hub. All state lives on one Vert.x context, so nothing here
 * needs a lock.
 */
@ApplicationScoped
class LiveSubscriptions {

    private static final Logger LOG = Logger.getLogger(LiveSubscriptions.class);
    private static final long ACK_TIMEOUT_MS = 2000;
    private static final long RETRY_MS = 1000;

    /** What the hub does with what arrives. Called on this class's context. */
    interface Listener {
        void event(String articleId, LiveEvent event);

        void announced(String articleId);

        /** The article's channel was lost and is back: events may have been missed since its last one. */
        void resubscribed(String articleId);
    }

    enum Mode { SHARDED, CLASSIC }

    /** One wanted channel: the announcements, or one article's events. */
    private static final class Sub {
        final String channel;
        final String articleId; // null: the announcement channel
        Node node;
        boolean acked;
        long sentAt = -1;
        /** Lost after it was live, or its first subscription timed out: replay once it is back. */
        boolean replay;
        List<Promise<Void>> waiting = new ArrayList<>(1);

        Sub(String channel, String articleId) {
            this.channel = channel;
            this.articleId = articleId;
        }
    }

    /** One connection to one Redis server ("" outside a cluster: the application's client). */
    private static final class Node {
        final String endpoint;
        RedisConnection conn;
        boolean over;

        Node(String endpoint) {
            this.endpoint = endpoint;
        }
    }

    @Inject
    LiveConfig config;

    @Inject
    Vertx vertx;

    @Inject
    ReactiveRedisDataSource redis;

    @Inject
    MeterRegistry metrics;

    /** The application's client (standalone or Sentinel), which follows a Sentinel failover. */
    @Inject
    Redis client;

    @ConfigProperty(name = "quarkus.redis.client-type", defaultValue = "standalone")
    String clientType;

    @ConfigProperty(name = "quarkus.redis.hosts")
    List<String> seeds;

    private Context ctx;
    private Listener listener;
    private volatile Mode mode;
    private boolean cluster;
    private volatile boolean stopping;
    private boolean warned;
    private long retryTimer = -1;
    private final Map<String, Sub> subs = new HashMap<>();
    private final Map<String, Node> nodes = new HashMap<>();
    private final Map<String, Redis> nodeClients = new HashMap<>();
    /** Cluster: first slot of each range, to the endpoint of its master; null when unknown or stale. */
    private TreeMap<Integer, String> slots;
    private boolean refreshing;
    private boolean detecting;

    void start(Listener listener) {
        this.listener = listener;
        this.cluster = "cluster".equalsIgnoreCase(clientType);
        this.mode = switch (config.pubsub()) {
            case SHARDED -> Mode.SHARDED;
            case CLASSIC -> Mode.CLASSIC;
            case AUTO -> null; // asked of the server before the first subscription
        };
        ctx = vertx.getOrCreateContext();
        ctx.runOnContext(v -> {
            subs.put(config.channel(), new Sub(config.channel(), null));
            reconcile();
        });
    }

    void stop() {
        ctx.runOnContext(v -> {
            stopping = true;
            nodes.values().stream().filter(n -> n.conn != null).forEach(n -> n.conn.close());
            nodes.clear();
            nodeClients.values().forEach(Redis::close);
        });
    }

    /** The publishing command that reaches these subscriptions: SPUBLISH unless the server is older than Redis 7. */
    String publishCommand() {
        return mode == Mode.CLASSIC ? "PUBLISH" : "SPUBLISH";
    }

    String articleChannel(String articleId) {
        return config.channel() + ":{" + articleId + "}"; // the hash tag of the article's history: the same slot
    }

    /** Completes once the article's channel is subscribed (at once if it already is); fails after two seconds. */
    Future<Void> subscribe(String articleId) {
        Promise<Void> ready = Promise.promise();
        ctx.runOnContext(v -> {
            String channel = articleChannel(articleId);
            Sub sub = subs.computeIfAbsent(channel, c -> new Sub(c, articleId));
            if (sub.acked) {
                ready.complete();
                return;
            }
            sub.waiting.add(ready);
            vertx.setTimer(ACK_TIMEOUT_MS, t -> {
                if (sub.waiting.remove(ready)) {
                    sub.replay = true; // the reader is told to refetch; once subscribed, the hub replays from there
                    ready.fail(new TimeoutException("live subscription for " + articleId + " not confirmed"));
                }
            });
            reconcile();
        });
        return ready.future();
    }

    void unsubscribe(String articleId) {
        ctx.runOnContext(v -> {
            Sub sub = subs.remove(articleChannel(articleId));
            if (sub != null && sub.node != null && sub.node.conn != null && (sub.acked || sub.sentAt >= 0)) {
                sub.node.conn.send(Request.cmd(mode == Mode.CLASSIC ? Command.UNSUBSCRIBE : Command.SUNSUBSCRIBE).arg(sub.channel));
            }
            if (sub != null) {
                sub.waiting.forEach(p -> p.tryFail("unsubscribed"));
            }
        });
    }

    // --- Reconciling what is wanted with what is subscribed (on ctx) ----------------------------

    private void reconcile() {
        if (stopping) {
            return;
        }
        if (mode == null) {
            detectMode();
            return;
        }
        if (cluster && slots == null) {
            refreshSlots();
            return;
        }
        long now = System.currentTimeMillis();
        boolean incomplete = false;
        for (Sub sub : subs.values()) {
            if (sub.acked) {
                continue;
            }
            if (sub.sentAt >= 0 && now - sub.sentAt < ACK_TIMEOUT_MS) {
                incomplete = true; // its answer is on the way
                continue;
            }
            String endpoint = endpointOf(sub.channel);
            if (endpoint == null) {
                slots = null;
                incomplete = true;
                continue;
            }
            Node node = nodes.get(endpoint);
            if (node == null) {
                connect(endpoint);
                incomplete = true;
                continue;
            }
            if (node.conn == null) {
                incomplete = true; // connecting
                continue;
            }
            sub.node = node;
            sub.sentAt = now;
            boolean announcement = sub.articleId == null;
            node.conn.send(Request.cmd(announcement || mode == Mode.CLASSIC ? Command.SUBSCRIBE : Command.SSUBSCRIBE).arg(sub.channel));
            incomplete = true;
        }
        if (incomplete) {
            retryLater();
        }
    }

    /** Reconciles again in a second, unless a retry is already due. */
    private void retryLater() {
        if (retryTimer < 0 && !stopping) {
            retryTimer = vertx.setTimer(RETRY_MS, t -> ctx.runOnContext(v -> {
                retryTimer = -1;
                reconcile();
            }));
        }
    }

    private void detectMode() {
        if (detecting) {
            return;
        }
        detecting = true;
        redis.execute("INFO", "server").subscribe().with(info -> ctx.runOnContext(v -> {
            detecting = false;
            mode = majorVersion(info.toString()) >= 7 ? Mode.SHARDED : Mode.CLASSIC;
            LOG.infof("Live events use %s pub/sub", mode == Mode.SHARDED ? "sharded" : "classic (Redis older than 7)");
            reconcile();
        }), e -> ctx.runOnContext(v -> {
            detecting = false;
            unavailable(e);
        }));
    }

    static int majorVersion(String info) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("redis_version:")) {
                String v = line.substring("redis_version:".length()).strip();
                int dot = v.indexOf('.');
                return Integer.parseInt(dot < 0 ? v : v.substring(0, dot));
            }
        }
        return 0;
    }

    private String endpointOf(String channel) {
        if (!cluster) {
            return "";
        }
        var range = slots.floorEntry(ZModem.generate(channel));
        return range == null ? null : range.getValue();
    }

    /** Cluster: the masters of every slot range, as the cluster (any node the client reaches) says now. */
    private void refreshSlots() {
        if (refreshing) {
            return;
        }
        refreshing = true;
        redis.execute("CLUSTER", "SLOTS").subscribe().with(reply -> ctx.runOnContext(v -> {
            refreshing = false;
            TreeMap<Integer, String> map = new TreeMap<>();
            for (var range : reply.getDelegate()) {
                Response master = range.get(2);
                map.put(range.get(0).toInteger(), master.get(0).toString() + ":" + master.get(1).toInteger());
            }
            slots = map;
            reconcile();
        }), e -> ctx.runOnContext(v -> {
            refreshing = false;
            unavailable(e);
        }));
    }

    private void connect(String endpoint) {
        Node node = new Node(endpoint);
        nodes.put(endpoint, node);
        Redis source = cluster ? nodeClients.computeIfAbsent(endpoint, this::nodeClient) : client;
        source.connect().onComplete(r -> ctx.runOnContext(v -> {
            if (r.failed()) {
                nodes.remove(endpoint, node);
                slots = null; // a master that does not answer may have been replaced meanwhile
                unavailable(r.cause());
                return;
            }
            RedisConnection conn = r.result();
            if (stopping || nodes.get(endpoint) != node) {
                conn.close();
                return;
            }
            node.conn = conn;
            conn.handler(m -> ctx.runOnContext(x -> received(node, m))); // in order, on this class's context
            conn.exceptionHandler(e -> ctx.runOnContext(x -> lost(node, e)));
            conn.endHandler(x -> ctx.runOnContext(y -> lost(node, null)));
            reconcile();
        }));
    }

    /** A plain client for one cluster node, with the scheme and credentials of the first seed. */
    private Redis nodeClient(String endpoint) {
        URI seed = URI.create(seeds.get(0).strip());
        String auth = seed.getRawUserInfo() == null ? "" : seed.getRawUserInfo() + "@";
        return Redis.createClient(vertx, new RedisOptions().setConnectionString(seed.getScheme() + "://" + auth + endpoint));
    }

    /** A connection is given up once, however many of its handlers report the loss. */
    private void lost(Node node, Throwable e) {
        if (node.over) {
            return;
        }
        node.over = true;
        nodes.remove(node.endpoint, node);
        try {
            node.conn.close();
        } catch (RuntimeException alreadyClosed) {
            // ended by the server
        }
        for (Sub sub : subs.values()) {
            if (sub.node == node) {
                unlink(sub);
            }
        }
        slots = null; // a lost node may mean a failover: ask the cluster again
        unavailable(e);
    }

    private void unlink(Sub sub) {
        sub.replay |= sub.acked;
        sub.acked = false;
        sub.sentAt = -1;
        sub.node = null;
    }

    private void unavailable(Throwable e) {
        if (stopping) {
            return;
        }
        metrics.counter("hiwar.live.subscription.retries").increment();
        if (!warned) { // once per outage, not once per retry
            warned = true;
            LOG.warnf("Live subscriptions in Redis unavailable (%s); retrying every second", e == null ? "closed" : e.toString());
        }
        retryLater();
    }

    // --- What arrives (on ctx) ------------------------------------------------------------------

    private void received(Node node, Response m) {
        if (m.type() == ResponseType.ERROR) { // MOVED (the slot has a new master), or a refused subscription
            LOG.debugf("Redis refused a live subscription: %s", m);
            for (Sub sub : subs.values()) {
                if (sub.node == node && !sub.acked) {
                    sub.sentAt = -1;
                }
            }
            slots = null;
            retryLater();
            return;
        }
        if (m.size() < 3) {
            return;
        }
        String kind = m.get(0).toString();
        String channel = m.get(1).toString();
        switch (kind) {
            case "message", "smessage" -> message(channel, m.get(2).toString());
            case "subscribe", "ssubscribe" -> acknowledged(node, channel);
            case "sunsubscribe", "unsubscribe" -> {
                Sub sub = subs.get(channel);
                if (sub != null && sub.node == node && sub.acked) { // not asked for: the cluster moved the channel's slot elsewhere
                    unlink(sub);
                    slots = null;
                    reconcile();
                }
            }
            default -> { }
        }
    }

    private void acknowledged(Node node, String channel) {
        Sub sub = subs.get(channel);
        if (sub == null || sub.node != node) {
            return; // unsubscribed or moved meanwhile
        }
        sub.acked = true;
        sub.sentAt = -1;
        if (warned) {
            warned = false;
            LOG.info("Live subscriptions restored; replaying what was missed");
        }
        List<Promise<Void>> ready = sub.waiting;
        sub.waiting = new ArrayList<>(1);
        ready.forEach(Promise::tryComplete);
        if (sub.replay && sub.articleId != null) {
            sub.replay = false;
            listener.resubscribed(sub.articleId);
        }
    }

    /** Announcements carry an article id; article channels "article \n id \n type \n json", as publish.lua writes them. */
    private void message(String channel, String payload) {
        if (channel.equals(config.channel())) {
            int end = payload.indexOf('\n');
            listener.announced(end < 0 ? payload : payload.substring(0, end));
            return;
        }
        int a = payload.indexOf('\n');
        int b = payload.indexOf('\n', a + 1);
        int c = payload.indexOf('\n', b + 1);
        if (a < 0 || b < 0 || c < 0) {
            return;
        }
        listener.event(payload.substring(0, a), new LiveEvent(payload.substring(a + 1, b), payload.substring(b + 1, c), payload.substring(c + 1)));
    }
}
