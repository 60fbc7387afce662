package com.hiwar.live;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * How many live streams one client address holds, across every instance. Each open stream is
 * a member of the address's sorted set in Redis, scored by the end of its lease; heartbeats
 * renew the leases, and a crashed instance's streams expire with theirs. When Redis cannot be
 * reached, each instance enforces the same limit on its own streams.
 */
@ApplicationScoped
class ClientSlots {

    private static final Logger LOG = Logger.getLogger(ClientSlots.class);

    /** One stream's hold on a slot. */
    record Slot(String key, String member) {}

    private final String script = LivePublisher.resource("live/slot.lua");
    private final String instance = UUID.randomUUID().toString();
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, AtomicInteger> local = new ConcurrentHashMap<>();

    @Inject
    ReactiveRedisDataSource redis;

    @Inject
    LiveConfig config;

    @Inject
    MeterRegistry metrics;

    static String key(String client) {
        return "live:clients:{" + client + "}";
    }

    /** The lease outlives two missed heartbeats. */
    private long leaseMillis() {
        return config.heartbeat().toMillis() * 3;
    }

    /** A slot for this client, or null when it holds the maximum already. */
    Uni<Slot> acquire(String client) {
        Slot slot = new Slot(key(client), instance + ":" + sequence.incrementAndGet());
        return redis.execute("EVAL", script, "1", slot.key(), Long.toString(leaseMillis()),
                        Integer.toString(config.maxPerClient()), slot.member())
                .map(r -> r.toInteger() == 1 ? slot : null)
                .onFailure().recoverWithItem(e -> {
                    metrics.counter("hiwar.live.slots.redis.failures").increment();
                    LOG.debugf("Live slots in Redis unavailable (%s); counting this instance's streams", e.toString());
                    AtomicInteger held = local.computeIfAbsent(slot.key(), k -> new AtomicInteger());
                    if (held.incrementAndGet() > config.maxPerClient()) {
                        held.decrementAndGet();
                        return null;
                    }
                    return new Slot(slot.key(), "local:" + slot.member());
                });
    }

    void release(Slot slot) {
        if (slot.member().startsWith("local:")) {
            local.computeIfPresent(slot.key(), (k, n) -> n.decrementAndGet() <= 0 ? null : n);
            return;
        }
        redis.execute("ZREM", slot.key(), slot.member()).subscribe().with(ok -> { }, e -> { });
    }

    /** Renews the leases of the streams this instance holds, one call per client address. */
    void renew(List<Slot> held) {
        long until = System.currentTimeMillis() + leaseMillis();
        Map<String, List<String>> byKey = new ConcurrentHashMap<>();
        held.stream().filter(s -> !s.member().startsWith("local:"))
                .forEach(s -> byKey.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s.member()));
        byKey.forEach((key, members) -> {
            List<String> args = new ArrayList<>(List.of(key));
            members.forEach(m -> {
                args.add(Long.toString(until));
                args.add(m);
            });
            redis.execute("ZADD", args.toArray(String[]::new))
                    .chain(() -> redis.execute("PEXPIRE", key, Long.toString(leaseMillis())))
                    .subscribe().with(ok -> { }, e -> { });
        });
    }
}
