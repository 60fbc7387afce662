package com.hiwar.account;

import com.hiwar.comment.CommentChanged;
import com.hiwar.audit.Audit;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import static com.hiwar.db.Rows.instant;

/**
 * Erasing a reader's account (policy in the README):
 * <ol>
 * <li>the request freezes the account at once (no more writes) and is stored with it;</li>
 * <li>their comments lose body, author and search text and become deleted: a comment with
 *     replies from others stays as a placeholder so the thread holds, the rest vanish;</li>
 * <li>likes they gave are taken back, reports they filed lose their author and note, reports on
 *     their comments lose their notes, and the rules' reasons on their comments keep only the
 *     rule, not the matched words;</li>
 * <li>where their login's subject names them as an actor (audit log, decisions, notes, claims:
 *     staff work), it becomes the pseudonym {@code erased-user:<id>};</li>
 * <li>their notifications and idempotency records go, then the account row. A banned reader's
 *     row stays, nameless, so that erasure cannot lift a ban.</li>
 * </ol>
 * Every step is a batch in its own transaction that only touches what is left to do, so the
 * job can stop anywhere (restart, crash) and any instance's sweep finishes it later.
 */
@ApplicationScoped
public class Erasure {

    private static final Logger LOG = Logger.getLogger(Erasure.class);

    public record Status(String state, Instant requestedAt) {}

    record Requested(long userId) {}

    @Inject
    ErasureConfig config;

    @Inject
    ManagedExecutor executor;

    @Inject
    Event<CommentChanged> commentChanges;

    @Inject
    Event<Requested> requests;

    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    @Transactional
    public Status request(long userId) {
        List<?> at = Panache.getEntityManager().createNativeQuery("""
                update users set erase_requested_at = coalesce(erase_requested_at, now()) where id = :u
                returning erase_requested_at""").setParameter("u", userId).getResultList();
        if (at.isEmpty()) {
            return new Status("erased", null); // finished between this request's sign-in and now
        }
        Audit.record("user", "erase-requested", null, userId, null, null, Map.of());
        requests.fire(new Requested(userId));
        return new Status("erasing", instant(at.get(0)));
    }

    void startAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Requested r) {
        executor.execute(() -> run(r.userId()));
    }

    /** Picks up erasures a restart or a crash interrupted. */
    @Scheduled(every = "${hiwar.erasure.sweep-interval:30s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        List<Long> pending = QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager()
                .createNativeQuery("select id from users where erase_requested_at is not null order by erase_requested_at",
                        Long.class)
                .getResultList());
        pending.forEach(this::run);
    }

    void run(long userId) {
        if (!running.add(userId)) {
            return;
        }
        try {
            while (QuarkusTransaction.requiringNew().call(() -> step(userId))) {
                if (!config.batchPause().isZero()) {
                    Thread.sleep(config.batchPause().toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Erasure of user %d stopped; the sweep will resume it", userId);
        } finally {
            running.remove(userId);
        }
    }

    /** One batch; true while work remains. Two instances never work on one account at once (row lock, skip locked). */
    boolean step(long userId) {
        var em = Panache.getEntityManager();
        @SuppressWarnings("unchecked")
        List<Object[]> user = em.createNativeQuery("""
                select subject, status = 'banned' and (banned_until is null or banned_until > now())
                from users where id = :u and erase_requested_at is not null for update skip locked""")
                .setParameter("u", userId).getResultList();
        if (user.isEmpty()) {
            return false;
        }
        Audit.actAs("system", "erase", "account erasure");
        int batch = config.batchSize();
        @SuppressWarnings("unchecked")
        List<Object[]> comments = em.createNativeQuery("""
                select id, article_id, parent_id, version, comment_is_public(status, hidden)
                from comments where author_id = :u order by id limit :n for update""")
                .setParameter("u", userId).setParameter("n", batch).getResultList();
        if (!comments.isEmpty()) {
            List<Long> ids = comments.stream().map(r -> ((Number) r[0]).longValue()).toList();
            em.createNativeQuery("""
                    update comments set status = 'deleted', body = '', search_text = '', author_id = null,
                           deleted_at = coalesce(deleted_at, now()), featured = false, hidden = false,
                           open_reports = 0, report_score = 0, claimed_by = null, claim_expires_at = null,
                           version = version + 1
                    where id in (:ids)""").setParameter("ids", ids).executeUpdate();
            // Others' report notes on these comments often quote them; a rule's matched terms are their words.
            em.createNativeQuery("""
                    update comment_reports set resolved_at = coalesce(resolved_at, now()),
                           resolution = coalesce(resolution, 'deleted'), note = null
                    where comment_id in (:ids)""").setParameter("ids", ids).executeUpdate();
            em.createNativeQuery("""
                    update moderation_decisions set reasons = coalesce((
                        select jsonb_agg(jsonb_build_object('rule', r -> 'rule', 'code', r -> 'code'))
                        from jsonb_array_elements(reasons) r), '[]')
                    where comment_id in (:ids)""").setParameter("ids", ids).executeUpdate();
            for (Object[] r : comments) {
                if (Boolean.TRUE.equals(r[4])) {
                    commentChanges.fire(new CommentChanged((String) r[1], ((Number) r[0]).longValue(),
                            r[2] == null ? null : ((Number) r[2]).longValue(), null, ((Number) r[3]).intValue() + 1,
                            true, false, null, null));
                }
            }
            return true;
        }
        @SuppressWarnings("unchecked")
        List<Number> liked = em.createNativeQuery("""
                delete from comment_likes where user_id = :u and comment_id in (
                    select comment_id from comment_likes where user_id = :u limit :n)
                returning comment_id""").setParameter("u", userId).setParameter("n", batch).getResultList();
        if (!liked.isEmpty()) {
            em.createNativeQuery("update comments set like_count = like_count - 1 where id in (:ids)")
                    .setParameter("ids", liked.stream().map(Number::longValue).toList()).executeUpdate();
            return true;
        }
        String subject = (String) user.get(0)[0];
        boolean banned = Boolean.TRUE.equals(user.get(0)[1]);
        em.createNativeQuery("update comment_reports set user_id = null, note = null where user_id = :u")
                .setParameter("u", userId).executeUpdate();
        // Where the login's subject names them as an actor (staff work, or older own deletions),
        // a pseudonym keeps the record's shape without the publisher's identifier.
        String pseudonym = "erased-user:" + userId;
        for (String sql : List.of(
                "update moderation_audit set actor = :p where actor = :s",
                "update moderation_decisions set decided_by = :p where decided_by = :s",
                "update moderator_notes set author = :p where author = :s")) {
            em.createNativeQuery(sql).setParameter("p", pseudonym).setParameter("s", subject).executeUpdate();
        }
        em.createNativeQuery("update comments set claimed_by = null, claim_expires_at = null where claimed_by = :s")
                .setParameter("s", subject).executeUpdate();
        em.createNativeQuery("delete from notifications where user_id = :u").setParameter("u", userId).executeUpdate();
        em.createNativeQuery("delete from idempotency_keys where owner = :s").setParameter("s", subject).executeUpdate();
        if (banned) {
            em.createNativeQuery("""
                    update users set display_name = null, trusted = false, erase_requested_at = null where id = :u""")
                    .setParameter("u", userId).executeUpdate();
        } else {
            em.createNativeQuery("delete from moderator_notes where user_id = :u").setParameter("u", userId).executeUpdate();
            em.createNativeQuery("delete from users where id = :u").setParameter("u", userId).executeUpdate();
        }
        Audit.record("system", "erase-account", null, userId, null, null, Map.of("keptBannedAccount", banned));
        LOG.infof("Erased the account of user %d", userId);
        return false;
    }
}
