package com.hiwar.report;

import com.hiwar.audit.Audit;
import com.hiwar.auth.Actor;
import com.hiwar.comment.CommentChanged;
import com.hiwar.comment.CommentStore;
import com.hiwar.db.Row;
import com.hiwar.problem.ProblemException;
import com.hiwar.text.TextSanitizer;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.hiwar.db.Rows.count;
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

    /** An open report as moderators see it: never who filed it, so they judge the comment, not the reporter. */
    public record OpenReport(String reason, String note, int weight, Instant createdAt) {}

    /** A report as its reporter finds it in their data export. */
    public record Filed(long commentId, String reason, String note, Instant createdAt, String resolution) {}

    @Inject
    ReportsConfig config;

    @Inject
    CommentStore comments;

    @Inject
    com.hiwar.comment.ImportedComments imported;

    @Inject
    jakarta.enterprise.event.Event<CommentReported> reported;

    @Transactional
    public ReportView report(Actor actor, long commentId, ReportRequest request) {
        if (request.reason() == null || !REASONS.contains(request.reason())) {
            throw ProblemException.invalid("reason", "must be one of " + String.join(", ", REASONS));
        }
        String note = request.note() == null || request.note().isBlank() ? null
                : TextSanitizer.clean(request.note(), "note", 1, config.noteMaxLength());
        // The row lock orders concurrent reports, so exactly one of them crosses the threshold.
        CommentStore.CommentRef c = comments.visible(commentId, actor.userId(), true);
        if (c.authorId() != null && c.authorId() == actor.userId()) {
            throw ProblemException.forbidden("own-comment", "Your own comment", "You cannot report your own comment");
        }
        if (!c.isPublic()) {
            throw ProblemException.conflict("not-reportable", "Cannot report",
                    "Only published comments can be reported");
        }
        int weight = actor.trusted() ? config.trustedWeight() : 1;
        List<Row> inserted = Row.all(Panache.getEntityManager().createNativeQuery("""
                insert into comment_reports (comment_id, user_id, reason, note, weight) values (:c, :u, :r, :n, :w)
                on conflict (comment_id, user_id) do nothing returning id, created_at""", Tuple.class)
                .setParameter("c", commentId).setParameter("u", actor.userId()).setParameter("r", request.reason())
                .setParameter("n", note).setParameter("w", weight));
        if (inserted.isEmpty()) {
            throw ProblemException.conflict("already-reported", "Already reported",
                    "You already reported this comment; moderators will look at it");
        }
        comments.reported(commentId, weight, config.threshold());
        reported.fire(new CommentReported(commentId, c.articleId(), c.authorId(), request.reason(), weight));
        Row row = inserted.get(0);
        return new ReportView(row.number("id"), commentId, request.reason(), note, row.instant("created_at"));
    }

    /** Every report as one JSON line of the site's export (streamed; in a transaction). */
    public static long exportLines(java.util.function.Consumer<String> line) {
        return com.hiwar.db.Jdbc.lines("""
                select json_build_object('type', 'report', 'commentId', comment_id, 'userId', user_id, 'reason', reason, 'note', note,
                       'weight', weight, 'createdAt', created_at, 'resolvedAt', resolved_at, 'resolution', resolution)::text
                from comment_reports order by id""", line);
    }

    /** A report as a Hiwar export has it: the comment by its export key, the reporter by subject (null once erased). */
    public record Restored(String commentKey, String subject, String reason, String note, int weight, Instant createdAt,
                           Instant resolvedAt, String resolution) {}

    /**
     * Reports of a restore, the open ones counted on their comments (which keep the hidden state
     * they came with). A report already here (same comment, reporter and time) is left as it is;
     * one of a comment not here is dropped. How many were new.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int restored(List<Restored> reports) {
        Map<String, Long> commentIds = imported.idsOfKeys(reports.stream().map(Restored::commentKey).collect(java.util.stream.Collectors.toSet()));
        Map<String, Long> userIds = com.hiwar.auth.User.idsOfSubjects(reports.stream().map(Restored::subject)
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
        List<Restored> known = reports.stream().filter(r -> commentIds.containsKey(r.commentKey())).toList();
        if (known.isEmpty()) {
            return 0;
        }
        Map<Long, int[]> open = new HashMap<>();
        int added = com.hiwar.db.Jdbc.list("""
                insert into comment_reports (comment_id, user_id, reason, note, weight, created_at, resolved_at, resolution)
                select r.* from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::int[], ?::timestamptz[], ?::timestamptz[], ?::text[])
                     as r(comment_id, user_id, reason, note, weight, created_at, resolved_at, resolution)
                where not exists (select 1 from comment_reports x where x.comment_id = r.comment_id
                                  and x.user_id is not distinct from r.user_id and x.created_at = r.created_at)
                on conflict do nothing
                returning comment_id, weight, resolved_at is null""", s -> {
            java.sql.Connection c = s.getConnection();
            s.setArray(1, com.hiwar.db.Jdbc.ids(s, known.stream().map(r -> commentIds.get(r.commentKey())).toList()));
            s.setArray(2, c.createArrayOf("bigint", known.stream().map(r -> r.subject() == null ? null : userIds.get(r.subject())).toArray()));
            s.setArray(3, c.createArrayOf("text", known.stream().map(Restored::reason).toArray()));
            s.setArray(4, c.createArrayOf("text", known.stream().map(Restored::note).toArray()));
            s.setArray(5, c.createArrayOf("integer", known.stream().map(Restored::weight).toArray()));
            s.setArray(6, c.createArrayOf("timestamptz", known.stream().map(r -> java.sql.Timestamp.from(r.createdAt())).toArray()));
            s.setArray(7, c.createArrayOf("timestamptz", known.stream()
                    .map(r -> r.resolvedAt() == null ? null : java.sql.Timestamp.from(r.resolvedAt())).toArray()));
            s.setArray(8, c.createArrayOf("text", known.stream().map(Restored::resolution).toArray()));
        }, r -> {
            if (r.getBoolean(3)) {
                int[] n = open.computeIfAbsent(r.getLong(1), k -> new int[2]);
                n[0]++;
                n[1] += r.getInt(2);
            }
            return 1;
        }).size();
        imported.addRestoredReports(open);
        return added;
    }

    /** A moderator approved or rejected the comment: its open reports are settled with that decision. */
    void onDecision(@Observes CommentChanged e) {
        String resolution = "approve".equals(e.decision()) ? "approved" : "reject".equals(e.decision()) ? "rejected" : null;
        if (resolution == null) {
            return;
        }
        int resolved = Panache.getEntityManager().createNativeQuery("""
                update comment_reports set resolved_at = now(), resolution = :r
                where comment_id = :c and resolved_at is null""")
                .setParameter("r", resolution).setParameter("c", e.id()).executeUpdate();
        if (resolved > 0) {
            Audit.record(e.actor(), "resolve-reports", e.id(), e.authorId(), e.articleId(), null,
                    Map.of("reports", resolved, "resolution", resolution));
        }
    }

    /**
     * How many of these comments were reported by at least {@code reporters} readers, reports a
     * moderator dismissed (by approving the comment) not counted.
     */
    public long reportedByAtLeast(Collection<Long> commentIds, int reporters) {
        if (commentIds.isEmpty()) {
            return 0;
        }
        return ((Number) Panache.getEntityManager().createNativeQuery("""
                select count(*) from (select comment_id from comment_reports
                    where comment_id in (:ids) and resolution is distinct from 'approved'
                    group by comment_id having count(*) >= :n) r""")
                .setParameter("ids", commentIds).setParameter("n", reporters).getSingleResult()).longValue();
    }

    /** The open reports of each comment, oldest first; comments without any are absent. */
    public Map<Long, List<OpenReport>> open(Collection<Long> commentIds) {
        Map<Long, List<OpenReport>> byComment = new HashMap<>();
        if (commentIds.isEmpty()) {
            return byComment;
        }
        Row.all(Panache.getEntityManager().createNativeQuery("""
                select comment_id, reason, note, weight, created_at from comment_reports
                where comment_id in (:ids) and resolved_at is null order by id""", Tuple.class)
                .setParameter("ids", commentIds))
                .forEach(r -> byComment.computeIfAbsent(r.number("comment_id"), k -> new ArrayList<>())
                        .add(new OpenReport(r.text("reason"), r.text("note"), r.integer("weight"), r.instant("created_at"))));
        return byComment;
    }

    public List<Filed> filedBy(long userId) {
        return Row.all(Panache.getEntityManager().createNativeQuery("""
                select comment_id, reason, note, created_at, resolution from comment_reports
                where user_id = :u order by created_at""", Tuple.class).setParameter("u", userId))
                .stream().map(r -> new Filed(r.number("comment_id"), r.text("reason"), r.text("note"),
                        r.instant("created_at"), r.text("resolution"))).toList();
    }

    public long countFiledBy(long userId) {
        return count(Panache.getEntityManager().createNativeQuery("select count(*) from comment_reports where user_id = :u")
                .setParameter("u", userId).getSingleResult());
    }

    /** Erasure of these comments' author: others' notes on them often quote them, and go; the reports are settled. */
    public void forgetNotesOn(Collection<Long> commentIds) {
        Panache.getEntityManager().createNativeQuery("""
                update comment_reports set resolved_at = coalesce(resolved_at, now()),
                       resolution = coalesce(resolution, 'deleted'), note = null
                where comment_id in (:ids)""").setParameter("ids", commentIds).executeUpdate();
    }

    /** Erasure of a reporter: their reports stay (they still count), without author or note. */
    public void forgetReporter(long userId) {
        Panache.getEntityManager().createNativeQuery("update comment_reports set user_id = null, note = null where user_id = :u")
                .setParameter("u", userId).executeUpdate();
    }
}
