package com.hiwar.moderation.queue;

import com.hiwar.moderation.ModerationDecision;
import com.hiwar.moderation.rules.Reason;
import com.hiwar.audit.Audit;
import com.hiwar.comment.Comment;
import com.hiwar.comment.CommentService;
import com.hiwar.comment.CommentStatus;
import com.hiwar.report.Reports;
import com.hiwar.problem.Problem;
import com.hiwar.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Moderators' decisions on comments. Each names the version it was made on and runs under a
 * row lock: a stale version is refused, so of two moderators deciding at once exactly one
 * wins and no decision is applied twice. Every status change lands in the audit log through
 * the database trigger, with the moderator as actor.
 */
@ApplicationScoped
public class ModeratorActions {

    public static final Set<String> REJECT_REASONS =
            Set.of("spam", "abuse", "hate", "harassment", "off-topic", "personal-data", "other");
    static final int MAX_BULK = 100;

    public record DecisionRequest(Long id, String action, String reason, Integer version) {}

    /** One bulk item's outcome: the comment after the decision, or the problem that stopped it. */
    public record BulkResult(long id, int status, QueueItem comment, Problem problem) {}

    @Inject
    ModerationQueue queue;

    @Inject
    CommentService comments;

    @Transactional
    public QueueItem decide(long id, DecisionRequest request, String moderator) {
        String action = request.action() == null ? null : request.action().toLowerCase(Locale.ROOT);
        if (action == null || !Set.of("approve", "reject", "feature", "unfeature", "restore").contains(action)) {
            throw ProblemException.invalid("action", "must be approve, reject, feature, unfeature or restore");
        }
        if (request.version() == null) {
            throw ProblemException.invalid("version", "is required: the comment version you decided on");
        }
        String reason = request.reason();
        if (action.equals("reject") && (reason == null || !REJECT_REASONS.contains(reason))) {
            throw ProblemException.invalid("reason", "reject needs one of " + String.join(", ", REJECT_REASONS));
        }
        Comment c = Comment.<Comment>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Comment", id));
        if (c.version != request.version()) {
            throw ProblemException.conflict("stale-version", "Stale version",
                    "Comment " + id + " is at version " + c.version + "; reload it before deciding");
        }
        if (c.claimedBy != null && !c.claimedBy.equals(moderator) && c.claimExpiresAt != null
                && c.claimExpiresAt.isAfter(Instant.now())) {
            throw ProblemException.conflict("claimed", "Claimed by another moderator",
                    "Comment " + id + " is claimed until " + c.claimExpiresAt);
        }
        if (c.status == CommentStatus.DELETED) {
            throw ProblemException.conflict("not-moderatable", "Deleted", "The author deleted this comment");
        }
        Audit.actAs(moderator, action, reason);
        boolean wasPublic = c.isPublic();
        switch (action) {
            case "approve" -> {
                require(c, c.status != CommentStatus.PUBLISHED || c.openReports > 0, "already approved");
                c.status = CommentStatus.PUBLISHED;
                resolveReports(c, moderator, "approved");
            }
            case "reject" -> {
                require(c, c.status != CommentStatus.REJECTED, "already rejected");
                c.status = CommentStatus.REJECTED;
                c.featured = false;
                resolveReports(c, moderator, "rejected");
            }
            case "feature", "unfeature" -> {
                boolean feature = action.equals("feature");
                require(c, c.status == CommentStatus.PUBLISHED, "only published comments can be featured");
                require(c, c.featured != feature, feature ? "already featured" : "not featured");
                c.featured = feature;
                Audit.record(moderator, action, c.id, c.authorId, c.articleId, reason, Map.of());
            }
            default -> { // restore: undo the last moderator status change
                String before = lastModeratorStatusBefore(c);
                if (before == null) {
                    throw ProblemException.conflict("nothing-to-restore", "Nothing to restore",
                            "No moderator decision on comment " + id + " to undo");
                }
                c.status = CommentStatus.valueOf(before.toUpperCase(Locale.ROOT));
            }
        }
        c.claimedBy = null;
        c.claimExpiresAt = null;
        Panache.getEntityManager().flush(); // bumps the version: every decision makes earlier ones stale
        ModerationDecision d = new ModerationDecision();
        d.commentId = c.id;
        d.version = c.version;
        d.decision = action;
        d.reasons = List.of(Reason.of("moderator", reason == null ? action : reason, "Decided by " + moderator));
        d.decidedBy = moderator;
        d.createdAt = Instant.now();
        d.persist();
        comments.announce(c, wasPublic, action);
        return queue.items(List.of(c.id)).get(0);
    }

    /** A decision settles the open reports: a comment approved over them needs as many new ones to hide again. */
    private static void resolveReports(Comment c, String moderator, String resolution) {
        if (c.openReports > 0) {
            Audit.record(moderator, "resolve-reports", c.id, c.authorId, c.articleId, null,
                    Map.of("reports", c.openReports, "resolution", resolution));
            Reports.resolve(c.id, resolution);
        }
        c.openReports = 0;
        c.reportScore = 0;
        c.hidden = false;
    }

    /** Each item in its own transaction: one failing item does not undo the others. */
    public List<BulkResult> decideAll(List<DecisionRequest> requests, String moderator) {
        if (requests == null || requests.isEmpty() || requests.size() > MAX_BULK) {
            throw ProblemException.invalid("items", "send 1 to " + MAX_BULK + " decisions");
        }
        List<BulkResult> results = new ArrayList<>();
        for (DecisionRequest r : requests) {
            if (r == null || r.id() == null) {
                results.add(new BulkResult(-1, 422, null, ProblemException.invalid("id", "is required").toProblem(null)));
                continue;
            }
            try {
                QueueItem item = QuarkusTransaction.requiringNew().call(() -> decide(r.id(), r, moderator));
                results.add(new BulkResult(r.id(), 200, item, null));
            } catch (ProblemException e) {
                results.add(new BulkResult(r.id(), e.status(), null, e.toProblem(null)));
            }
        }
        return results;
    }

    private static void require(Comment c, boolean ok, String why) {
        if (!ok) {
            throw ProblemException.conflict("invalid-transition", "Not possible now", "Comment " + c.id + ": " + why);
        }
    }

    private static String lastModeratorStatusBefore(Comment c) {
        @SuppressWarnings("unchecked")
        List<String> rows = Panache.getEntityManager().createNativeQuery("""
                select status_before from moderation_audit
                where comment_id = :id and actor <> 'system' and status_before is not null and status_after = :now
                order by id desc limit 1""")
                .setParameter("id", c.id).setParameter("now", c.status.wire()).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }
}
