package com.hiwar.report;

import com.hiwar.auth.Actor;
import com.hiwar.comment.Comment;
import com.hiwar.comment.CommentService;
import com.hiwar.audit.Audit;
import com.hiwar.problem.ProblemException;
import com.hiwar.text.TextSanitizer;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.hiwar.db.Rows.instant;

/**
 * Readers' reports. Each reader reports a comment once; when the weighted open reports reach
 * the threshold the comment is hidden from everyone but its author and waits in the reported
 * queue. A moderator's decision resolves the open reports, so a comment approved over them
 * needs a full set of new reports to be hidden again.
 */
@ApplicationScoped
public class Reports {

    public static final List<String> REASONS = List.of("spam", "abuse", "hate", "off-topic", "personal-data", "other");

    public record ReportRequest(String reason, String note) {}

    public record ReportView(long id, long commentId, String reason, String note, Instant createdAt) {}

    @Inject
    ReportsConfig config;

    @Inject
    CommentService comments;

    @Transactional
    public ReportView report(Actor actor, long commentId, ReportRequest request) {
        if (request.reason() == null || !REASONS.contains(request.reason())) {
            throw ProblemException.invalid("reason", "must be one of " + String.join(", ", REASONS));
        }
        String note = request.note() == null || request.note().isBlank() ? null
                : TextSanitizer.clean(request.note(), "note", 1, config.noteMaxLength());
        // The row lock orders concurrent reports, so exactly one of them crosses the threshold.
        Comment c = Comment.<Comment>findByIdOptional(commentId, LockModeType.PESSIMISTIC_WRITE)
                .filter(x -> x.isVisibleTo(actor.userId()))
                .orElseThrow(() -> ProblemException.notFound("Comment", commentId));
        if (c.authorId != null && c.authorId == actor.userId()) {
            throw ProblemException.forbidden("own-comment", "Your own comment", "You cannot report your own comment");
        }
        if (!c.isPublic()) {
            throw ProblemException.conflict("not-reportable", "Cannot report",
                    "Only published comments can be reported");
        }
        int weight = actor.trusted() ? config.trustedWeight() : 1;
        var em = Panache.getEntityManager();
        @SuppressWarnings("unchecked")
        List<Object[]> inserted = em.createNativeQuery("""
                insert into comment_reports (comment_id, user_id, reason, note, weight) values (:c, :u, :r, :n, :w)
                on conflict (comment_id, user_id) do nothing returning id, created_at""")
                .setParameter("c", commentId).setParameter("u", actor.userId()).setParameter("r", request.reason())
                .setParameter("n", note).setParameter("w", weight).getResultList();
        if (inserted.isEmpty()) {
            throw ProblemException.conflict("already-reported", "Already reported",
                    "You already reported this comment; moderators will look at it");
        }
        // Counters change in SQL, without the entity's version: a report must not make the
        // author's edit or a moderator's decision stale.
        em.createNativeQuery("""
                update comments set open_reports = open_reports + 1, report_score = report_score + :w,
                       hidden = hidden or report_score + :w >= :threshold
                where id = :c""")
                .setParameter("w", weight).setParameter("threshold", config.threshold()).setParameter("c", commentId)
                .executeUpdate();
        em.refresh(c);
        if (c.hidden) {
            Audit.record("system", "hide", c.id, c.authorId, c.articleId, "reports",
                    Map.of("reportScore", c.reportScore, "threshold", config.threshold()));
            comments.announce(c, true, null);
        }
        Object[] row = inserted.get(0);
        return new ReportView(((Number) row[0]).longValue(), commentId, request.reason(), note, instant(row[1]));
    }

    /** Settles a comment's open reports with a moderator's decision (approved, rejected) or its deletion. */
    public static void resolve(long commentId, String resolution) {
        Panache.getEntityManager().createNativeQuery("""
                update comment_reports set resolved_at = now(), resolution = :r
                where comment_id = :c and resolved_at is null""")
                .setParameter("r", resolution).setParameter("c", commentId).executeUpdate();
    }

}
