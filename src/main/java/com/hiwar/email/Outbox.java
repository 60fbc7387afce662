package com.hiwar.email;

import com.hiwar.notification.Notified;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Collection;

/**
 * The outbox's write side: a message is queued in the transaction that notified the reader, so
 * it exists exactly when the notification does; a repeated key queues nothing. The message names
 * notifications only; what it says is rendered when it is sent, from what is public then.
 */
@ApplicationScoped
class Outbox {

    /** Fired inside a transaction that queued messages: after its commit the sender starts at once. */
    record Queued() {}

    @Inject
    Event<Queued> queued;

    @Inject
    EmailConfig config;

    void onNotified(@Observes Notified n) {
        if (!config.enabled()) {
            return; // no lookup on the reply path of a site that sends no email
        }
        EmailSubscription s = EmailSubscription.findById(n.userId());
        if (s != null && "instant".equals(s.choiceFor(n.kind()))) {
            queue(n.userId(), n.kind(), java.util.List.of(n.notificationId()), "n:" + n.notificationId());
        }
    }

    /** Queues one message unless its key was queued before; true when queued. */
    boolean queue(long userId, String kind, Collection<Long> notificationIds, String key) {
        int rows = Panache.getEntityManager().createNativeQuery("""
                insert into email_messages (user_id, kind, notification_ids, dedupe_key)
                values (:u, :k, cast(:ids as bigint[]), :key) on conflict (dedupe_key) do nothing""")
                .setParameter("u", userId).setParameter("k", kind)
                .setParameter("ids", "{" + String.join(",", notificationIds.stream().map(String::valueOf).toList()) + "}")
                .setParameter("key", key).executeUpdate();
        if (rows > 0) {
            queued.fire(new Queued());
        }
        return rows > 0;
    }

    static void forget(long userId) {
        Panache.getEntityManager().createNativeQuery("delete from email_messages where user_id = :u")
                .setParameter("u", userId).executeUpdate();
    }
}
