package com.hiwar.email;

import com.hiwar.db.Row;
import com.hiwar.notification.Notifications;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Daily digests: a reader who chose "digest" gets one message a day grouping what they were
 * notified of since the last one (nothing, no message); a moderator who opted in gets the state
 * of the queue. Each reader is taken by one instance (SKIP LOCKED) and moved a day on in the same
 * transaction that queues their digest, so none is sent twice or skipped.
 */
@ApplicationScoped
class Digests {

    @Inject
    EmailConfig config;

    @Inject
    Outbox outbox;

    @Inject
    Notifications notifications;

    @Scheduled(every = "5m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.enabled()) {
            while (QuarkusTransaction.requiringNew().call(this::due) == 100) {
                // a full batch: more may be due
            }
        }
    }

    /** Queues the digests of up to 100 readers that are due; returns how many readers were taken. */
    int due() {
        List<Row> due = Row.all(Panache.getEntityManager().createNativeQuery("""
                select user_id, replies, decisions, queue_digest, last_digest_at from email_subscriptions
                where (replies = 'digest' or decisions = 'digest' or queue_digest)
                  and last_digest_at <= now() - cast(:every as interval)
                order by last_digest_at limit 100 for update skip locked""", Tuple.class)
                .setParameter("every", config.digestEvery().toMillis() + " milliseconds"));
        Instant now = Instant.now();
        for (Row r : due) {
            long user = r.number("user_id");
            Instant since = r.instant("last_digest_at");
            List<String> kinds = new ArrayList<>();
            if ("digest".equals(r.text("replies"))) {
                kinds.add("reply");
            }
            if ("digest".equals(r.text("decisions"))) {
                kinds.addAll(List.of("approved", "rejected"));
            }
            List<Long> ids = notifications.idsSince(user, kinds, since);
            if (!ids.isEmpty()) {
                outbox.queue(user, "digest", ids, "d:" + user + ":" + since.toEpochMilli());
            }
            if (r.flag("queue_digest")) {
                outbox.queue(user, "queue-digest", List.of(), "q:" + user + ":" + since.toEpochMilli());
            }
            Panache.getEntityManager().createNativeQuery("update email_subscriptions set last_digest_at = :now where user_id = :u")
                    .setParameter("now", now).setParameter("u", user).executeUpdate();
        }
        return due.size();
    }
}
