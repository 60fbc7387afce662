package com.hiwar.webhook;

import com.hiwar.signal.Announcements;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Set;

/**
 * Which event types any enabled endpoint wants, known in memory: a write whose event nobody
 * wants costs nothing (no payload built, no row written). A change reloads it here at commit and
 * on every other instance through Redis; a check every few seconds covers Redis being away. The
 * write itself then picks its endpoints in SQL, so who receives an event is decided by the
 * database as the event commits.
 */
@ApplicationScoped
class Subscribers {

    static final String CHANNEL = "hiwar:webhooks";

    /** Fired by a change to the endpoints, inside its transaction. */
    record Changed() {}

    @Inject
    RedisDataSource redis;

    private volatile Set<String> wanted = Set.of();
    private Announcements announcements;

    void start(@Observes StartupEvent event) {
        reload();
        announcements = new Announcements(redis, CHANNEL, "webhook-subscribers");
        announcements.listen(this::reload);
    }

    boolean anyFor(String type) {
        return wanted.contains(type);
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed changed) {
        reload();
        announcements.announce("changed");
    }

    @Scheduled(every = "5s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reload() {
        wanted = QuarkusTransaction.requiringNew().call(() -> {
            Set<String> types = new HashSet<>();
            WebhookEndpoint.<WebhookEndpoint>list("enabled", true).forEach(e -> types.addAll(e.eventTypes));
            return Set.copyOf(types);
        });
    }
}
