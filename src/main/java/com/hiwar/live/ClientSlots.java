package com.hiwar.live;

import com.hiwar.redis.RedisScript;
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
import java.util.stream.Collectors;
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

    /** One stream's hold on a slot: in Redis, or (Redis unreachable) counted by this instance alone. */
    record Slot(String key, String member, boolean local) {}

    private static final RedisScript ACQUIRE = RedisScript.load("live/slot.lua");
    private static final RedisScript RENEW = RedisScript.load("live/slot-renew.lua");
    private final String instance = UUID.randomUUID().toString();
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, AtomicInteger> localCounts = new ConcurrentHashMap<>();

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
        Slot slot = new Slot(key(client), instance + ":" + sequence.incrementAndGet(), false);
        return ACQUIRE.run(redis, "1", slot.key(), Long.toString(leaseMillis()),
                        Integer.toString(config.maxPerClient()), slot.member())
                .map(r -> r.toInteger() == 1 ? slot : null)
                .onFailure().recoverWithItem(e -> {
                    metrics.counter("hiwar.live.slots.redis.failures").increment();
                    LOG.debugf("Live slots in Redis unavailable (%s); counting this instance's streams", e.toString());
                    AtomicInteger held = localCounts.computeIfAbsent(slot.key(), k -> new AtomicInteger());
                    if (held.incrementAndGet() > config.maxPerClient()) {
                        held.decrementAndGet();
                        return null;
                    }
                    return new Slot(slot.key(), slot.member(), true);
                });
    }

    void release(Slot slot) {
        if (slot.local()) {
            localCounts.computeIfPresent(slot.key(), (k, n) -> n.decrementAndGet() <= 0 ? null : n);
            return;
        }
        redis.execute("ZREM", slot.key(), slot.member()).subscribe().with(ok -> { }, e -> { });
    }

    /** Renews the leases of the streams this instance holds, one call per client address. */
    void renew(List<Slot> held) {
        held.stream().filter(s -> !s.local())
                .collect(Collectors.groupingBy(Slot::key, Collectors.mapping(Slot::member, Collectors.toList())))
                .forEach((key, members) -> {
                    List<String> args = new ArrayList<>(List.of("1", key, Long.toString(leaseMillis())));
                    args.addAll(members);
                    RENEW.run(redis, args.toArray(String[]::new)).subscribe().with(ok -> { }, e -> { });
                });
    }
}
