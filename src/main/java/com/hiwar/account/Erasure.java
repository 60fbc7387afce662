package com.hiwar.account;

import com.hiwar.audit.Audit;
import com.hiwar.auth.User;
import com.hiwar.comment.CommentStore;
import com.hiwar.idempotency.Idempotency;
import com.hiwar.moderation.ModerationDecision;
import com.hiwar.moderation.people.ModeratorNotes;
import com.hiwar.email.Preferences;
import com.hiwar.notification.Notifications;
import com.hiwar.reaction.Likes;
import com.hiwar.report.Reports;
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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

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
class Erasure {

    private static final Logger LOG = Logger.getLogger(Erasure.class);

    public record Status(String state, Instant requestedAt) {}

    record Requested(long userId) {}

    @Inject
    ErasureConfig config;

    @Inject
    ManagedExecutor executor;

    @Inject
    CommentStore comments;

    @Inject
    Reports reports;

    @Inject
    Likes likes;

    @Inject
    Event<Requested> requests;

    @Inject
    com.hiwar.auth.AuthorNames authorNames;

    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    @Transactional
    public Status request(long userId) {
        Optional<Instant> at = User.requestErasure(userId);
        if (at.isEmpty()) {
            return new Status("erased", null); // finished between this request's sign-in and now
        }
        Audit.record("user", "erase-requested", null, userId, null, null, Map.of());
        requests.fire(new Requested(userId));
        return new Status("erasing", at.get());
    }

    void startAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Requested r) {
        executor.execute(() -> run(r.userId()));
    }

    /** Picks up erasures a restart or a crash interrupted. */
    @Scheduled(every = "${hiwar.erasure.sweep-interval:30s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        List<Long> pending = QuarkusTransaction.requiringNew().call(User::awaitingErasure);
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
        Optional<User.Erasing> user = User.lockForErasure(userId);
        if (user.isEmpty()) {
            return false;
        }
        Audit.actAs("system", "erase", "account erasure");
        int batch = config.batchSize();
        List<Long> erased = comments.eraseBatchOf(userId, batch);
        if (!erased.isEmpty()) {
            // Others' report notes on these comments often quote them; a rule's matched terms are their words.
            reports.forgetNotesOn(erased);
            ModerationDecision.stripMatchedTerms(erased);
            return true;
        }
        if (likes.takeBackBatch(userId, batch)) {
            return true;
        }
        String subject = user.get().subject();
        boolean banned = user.get().banned();
        reports.forgetReporter(userId);
        // Where the login's subject names them as an actor (staff work, or older own deletions),
        // a pseudonym keeps the record's shape without the publisher's identifier.
        String pseudonym = "erased-user:" + userId;
        Audit.pseudonymize(subject, pseudonym);
        ModerationDecision.pseudonymize(subject, pseudonym);
        ModeratorNotes.pseudonymize(subject, pseudonym);
        comments.releaseClaims(subject);
        Notifications.forget(userId);
        Preferences.forget(userId);
        Idempotency.forget(subject);
        if (!banned) {
            ModeratorNotes.forgetAbout(userId);
        }
        User.erase(userId, banned);
        authorNames.changed(userId);
        Audit.record("system", "erase-account", null, userId, null, null, Map.of("keptBannedAccount", banned));
        LOG.infof("Erased the account of user %d", userId);
        return false;
    }
}
