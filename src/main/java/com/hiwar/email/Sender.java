package com.hiwar.email;

import com.hiwar.article.Article;
import com.hiwar.article.ArticleService;
import com.hiwar.comment.CommentStore;
import com.hiwar.db.QueueWorker;
import com.hiwar.db.Row;
import com.hiwar.notification.Notifications;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * The outbox's sending side, on every instance: leases due messages (FOR UPDATE SKIP LOCKED),
 * renders each from what is public at that moment, and hands it to the SMTP server. A message
 * whose reader unsubscribed meanwhile, or whose content is no longer public, is cancelled; one
 * past the reader's hourly cap waits; an SMTP failure is retried with backoff for a day. A lease
 * outliving its instance (kill -9) runs out and another instance sends the message.
 */
@ApplicationScoped
class Sender {

    private static final Logger LOG = Logger.getLogger(Sender.class);

    record Leased(long id, long userId, String kind, List<Long> notificationIds, int attempts) {}

    /** What to do with a leased message: send {@code mail}, or settle it without sending. */
    record Plan(Mail mail, String cancel, Instant postponeTo) {}

    @Inject
    EmailConfig config;

    @Inject
    Mailer mailer;

    @Inject
    Letters letters;

    @Inject
    UnsubscribeLinks links;

    @Inject
    Notifications notifications;

    @Inject
    CommentStore comments;

    @Inject
    ArticleService articles;

    @Inject
    Vertx vertx;

    @Inject
    ManagedExecutor executor;

    @Inject
    MeterRegistry metrics;

    private final QueueWorker worker = new QueueWorker("Email sending", LOG);
    private volatile boolean stopping;
    private volatile long poll = -1;

    void start(@Observes StartupEvent event) {
        if (config.enabled()) {
            poll = vertx.setPeriodic(3000, config.pollInterval().toMillis(), t -> {
                if (!stopping) {
                    executor.execute(this::work);
                }
            });
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        // A tick after shutdown would reach for beans already gone (an error in every stop's log).
        vertx.cancelTimer(poll);
    }

    void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Queued queued) {
        if (config.enabled()) {
            executor.execute(this::work);
        }
    }

    /** Settled messages past the retention go; any instance may run it, deleting is idempotent. */
    @io.quarkus.scheduler.Scheduled(every = "1h", delayed = "10m", concurrentExecution = io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager().createNativeQuery("""
                delete from email_messages where status <> 'pending' and created_at < now() - cast(:keep as interval)""")
                .setParameter("keep", Math.max(config.retention().toMillis(), 3_600_000L) + " milliseconds").executeUpdate());
    }

    void work() {
        worker.run(this::drain, () -> stopping);
    }

    private void drain() {
        List<Leased> batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::lease);
            batch.forEach(this::deliver);
        } while (batch.size() == config.batchSize() && !stopping);
    }

    private List<Leased> lease() {
        return Row.all(Panache.getEntityManager().createNativeQuery("""
                update email_messages set leased_until = now() + cast(:lease as interval), attempts = attempts + 1
                where id in (
                    select id from email_messages
                    where status = 'pending' and next_attempt_at <= now() and (leased_until is null or leased_until < now())
                    order by next_attempt_at, id limit :n
                    for update skip locked)
                returning id, user_id, kind, notification_ids, attempts""", Tuple.class)
                .setParameter("lease", config.lease().toMillis() + " milliseconds").setParameter("n", config.batchSize()))
                .stream().map(r -> new Leased(r.number("id"), r.number("user_id"), r.text("kind"), ids(r.get("notification_ids")),
                        r.integer("attempts"))).toList();
    }

    private static List<Long> ids(Object array) {
        if (array instanceof Long[] longs) {
            return Arrays.asList(longs);
        }
        if (array instanceof Object[] objects) {
            return Arrays.stream(objects).map(o -> ((Number) o).longValue()).toList();
        }
        return List.of();
    }

    private void deliver(Leased m) {
        Plan plan = QuarkusTransaction.requiringNew().call(() -> plan(m));
        if (plan.cancel() != null || plan.postponeTo() != null) {
            QuarkusTransaction.requiringNew().run(() -> settle(m, plan));
            return;
        }
        String failure = null;
        try {
            mailer.send(plan.mail());
        } catch (RuntimeException e) {
            failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        String error = failure;
        QuarkusTransaction.requiringNew().run(() -> recordSend(m, error));
    }

    /** Decides, inside a transaction, what the leased message becomes now. */
    private Plan plan(Leased m) {
        EmailSubscription s = EmailSubscription.findById(m.userId());
        String what = what(m.kind());
        if (s == null || !wanted(s, m.kind())) {
            return new Plan(null, "the reader no longer wants it", null);
        }
        Row sent = Row.all(Panache.getEntityManager().createNativeQuery("""
                select count(*) as n, min(sent_at) as first from email_messages
                where user_id = :u and status = 'sent' and sent_at > now() - interval '1 hour'""", Tuple.class)
                .setParameter("u", m.userId())).get(0);
        if (sent.number("n") >= config.hourlyCap()) {
            return new Plan(null, null, sent.instant("first").plus(Duration.ofHours(1)));
        }
        String unsubscribe = links.url(m.userId(), what);
        Letters.Rendered letter;
        if (m.kind().equals("queue-digest")) {
            Map<String, Long> hot = new LinkedHashMap<>();
            List<CommentStore.ArticlePending> most = comments.mostPending(5);
            Map<String, Article> titled = articles.byIds(most.stream().map(CommentStore.ArticlePending::articleId).toList());
            most.forEach(p -> hot.put(titled.containsKey(p.articleId()) && titled.get(p.articleId()).title != null
                    ? titled.get(p.articleId()).title : p.articleId(), p.pending()));
            long pending = comments.queueCounts(null).getOrDefault("pending", 0L);
            letter = letters.queue(s.locale, new Letters.Queue(pending, comments.oldestPendingSeconds(), List.copyOf(hot.entrySet())),
                    unsubscribe);
        } else {
            List<Notifications.Item> items = Letters.tellable(notifications.items(m.userId(), m.notificationIds()));
            if (items.isEmpty()) {
                return new Plan(null, "nothing in it is public any more", null);
            }
            letter = m.kind().equals("digest") ? letters.digest(s.locale, items, unsubscribe)
                    : letters.notice(s.locale, items, unsubscribe);
        }
        Mail mail = Mail.withHtml(s.address, letter.subject(), letter.html()).setText(letter.text())
                .addHeader("List-Unsubscribe", "<" + unsubscribe + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
                .addHeader("Auto-Submitted", "auto-generated")
                .addHeader("Content-Language", s.locale);
        return new Plan(mail, null, null);
    }

    static String what(String kind) {
        return switch (kind) {
            case "reply" -> "replies";
            case "approved", "rejected" -> "decisions";
            case "queue-digest" -> "queue";
            default -> "all";
        };
    }

    private static boolean wanted(EmailSubscription s, String kind) {
        return switch (kind) {
            case "reply", "approved", "rejected" -> "instant".equals(s.choiceFor(kind));
            case "digest" -> "digest".equals(s.replies) || "digest".equals(s.decisions);
            case "queue-digest" -> s.queueDigest;
            default -> false;
        };
    }

    private void settle(Leased m, Plan plan) {
        if (plan.cancel() != null) {
            Panache.getEntityManager().createNativeQuery("""
                    update email_messages set status = 'cancelled', leased_until = null, last_error = :why where id = :id""")
                    .setParameter("why", plan.cancel()).setParameter("id", m.id()).executeUpdate();
            return;
        }
        // Waiting for the cap is not a failed attempt.
        Panache.getEntityManager().createNativeQuery("""
                update email_messages set leased_until = null, attempts = attempts - 1, next_attempt_at = :at where id = :id""")
                .setParameter("at", plan.postponeTo()).setParameter("id", m.id()).executeUpdate();
    }

    private void recordSend(Leased m, String failure) {
        if (failure == null) {
            Panache.getEntityManager().createNativeQuery("""
                    update email_messages set status = 'sent', sent_at = now(), leased_until = null, last_error = null where id = :id""")
                    .setParameter("id", m.id()).executeUpdate();
            metrics.counter("hiwar.email.sent", "kind", m.kind()).increment();
            return;
        }
        Panache.getEntityManager().createNativeQuery("""
                update email_messages set leased_until = null, last_error = :error,
                       status = case when created_at < now() - cast(:giveUp as interval) then 'dead' else 'pending' end,
                       next_attempt_at = now() + cast(:delay as interval)
                where id = :id""")
                .setParameter("error", failure.length() > 500 ? failure.substring(0, 500) : failure)
                .setParameter("giveUp", config.giveUpAfter().toMillis() + " milliseconds")
                .setParameter("delay", backoff(m.attempts()).toMillis() + " milliseconds")
                .setParameter("id", m.id()).executeUpdate();
        metrics.counter("hiwar.email.failures").increment();
        LOG.debugf("Email %d failed (attempt %d): %s", m.id(), m.attempts(), failure);
    }

    private Duration backoff(int attempts) {
        return QueueWorker.backoff(config.retryBase(), config.retryMax(), attempts);
    }
}
