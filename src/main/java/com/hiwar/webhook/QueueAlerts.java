package com.hiwar.webhook;

import com.hiwar.comment.CommentStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code queue.alert}: the newsroom's chat hears when the pending queue grows past a size or its
 * oldest comment has waited too long. Every instance checks; the event's id is the alert window
 * ({@code cooldown}), so however many instances see it, one event is written per window.
 */
@ApplicationScoped
class QueueAlerts {

    @Inject
    WebhookConfig config;

    @Inject
    Subscribers subscribers;

    @Inject
    CommentStore comments;

    @Inject
    WebhookEvents events;

    @Scheduled(every = "${hiwar.webhooks.queue-alert.every:1m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        if (subscribers.anyFor("queue.alert")) {
            QuarkusTransaction.requiringNew().run(() -> check(Instant.now()));
        }
    }

    /** Writes the alert of {@code now}'s window when a threshold is passed; true when one was written. */
    boolean check(Instant now) {
        WebhookConfig.QueueAlert alert = config.queueAlert();
        long pending = comments.queueCounts(null).getOrDefault("pending", 0L);
        Long oldest = comments.oldestPendingSeconds();
        boolean tooMany = pending >= alert.pending();
        boolean tooOld = oldest != null && oldest >= alert.oldest().toSeconds();
        if (!tooMany && !tooOld) {
            return false;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("pending", pending);
        data.put("oldestPendingSeconds", oldest);
        data.put("reasons", tooMany && tooOld ? java.util.List.of("pending", "oldest") : java.util.List.of(tooMany ? "pending" : "oldest"));
        data.put("thresholds", Map.of("pending", alert.pending(), "oldestPendingSeconds", alert.oldest().toSeconds()));
        long window = now.getEpochSecond() / Math.max(1, alert.cooldown().toSeconds());
        return events.write("queue.alert", data, "msg_queue_alert_" + window) > 0;
    }
}
