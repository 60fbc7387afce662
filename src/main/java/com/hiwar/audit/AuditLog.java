package com.hiwar.audit;

import com.hiwar.db.Paging;
import com.hiwar.db.Row;
import com.hiwar.db.SqlFilter;
import com.hiwar.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The audit log's read side, and the moderation statistics built on it. */
@ApplicationScoped
public class AuditLog {

    /** {@code sections}: a desk moderator's sections; then only entries about articles of those sections. */
    public record Filter(Long commentId, Long userId, String actor, String articleId, java.util.Collection<String> sections) {

        public Filter(Long commentId, Long userId, String actor, String articleId) {
            this(commentId, userId, actor, articleId, null);
        }
    }

    public record Entry(long id, Instant at, String actor, String action, Long commentId, Long userId, String articleId,
                        String statusBefore, String statusAfter, String reason, String details) {}

    public record Page(List<Entry> entries, String nextCursor) {}

    public record ModeratorDay(String moderator, String day, long decisions) {}

    public record Stats(Map<String, Long> queues, Long oldestPendingSeconds, List<ModeratorDay> decisionsPerModeratorPerDay,
                        Double medianSecondsToDecision) {}

    static final List<String> DECISIONS = List.of("approve", "reject", "feature", "unfeature", "restore");

    @Transactional
    public Page query(Filter f, String cursor, Integer limit) {
        int size = com.hiwar.db.Paging.size(limit, 50, 200);
        Long before = null;
        if (cursor != null) {
            try {
                before = Long.parseLong(cursor);
            } catch (NumberFormatException e) {
                throw new ProblemException(400, "bad-cursor", "Invalid cursor", "Use the nextCursor of the previous page");
            }
        }
        Query q = new SqlFilter("""
                select id, at, actor, action, comment_id, user_id, article_id, status_before, status_after, reason,
                       details::text as details from moderation_audit where true""")
                .and("comment_id = :c", "c", f.commentId())
                .and("user_id = :u", "u", f.userId())
                .and("actor = :a", "a", f.actor())
                .and("article_id = :art", "art", f.articleId())
                .and(com.hiwar.article.ArticleService.inSections("article_id"), "sections", f.sections())
                .and("id < :before", "before", before)
                .append(" order by id desc limit :n")
                .bind("n", size + 1)
                .query(Tuple.class);
        Paging.Slice<Row> page = Paging.slice(Row.all(q), size);
        List<Entry> entries = new ArrayList<>();
        for (Row r : page.items()) {
            entries.add(new Entry(r.number("id"), r.instant("at"), r.text("actor"), r.text("action"), r.id("comment_id"),
                    r.id("user_id"), r.text("article_id"), r.text("status_before"), r.text("status_after"),
                    r.text("reason"), r.text("details")));
        }
        String next = page.more() ? Long.toString(entries.get(entries.size() - 1).id()) : null;
        return new Page(entries, next);
    }

    @Transactional
    public Stats stats(Map<String, Long> queues, Long oldestPendingSeconds) {
        var em = Panache.getEntityManager();
        List<Row> perDay = Row.all(em.createNativeQuery("""
                select actor, to_char(date_trunc('day', at), 'YYYY-MM-DD') as day, count(*) as n from moderation_audit
                where actor <> 'system' and action in (:decisions) and at > now() - interval '30 days'
                group by 1, 2 order by 2 desc, 1""", Tuple.class).setParameter("decisions", DECISIONS));
        Object median = em.createNativeQuery("""
                select percentile_cont(0.5) within group (order by extract(epoch from a.at - c.at))
                from moderation_audit a
                join moderation_audit c on c.comment_id = a.comment_id and c.status_before is null and c.status_after is not null
                where a.actor <> 'system' and a.action in ('approve', 'reject') and a.status_before = 'pending'
                  and a.at > now() - interval '30 days'""").getSingleResult();
        Map<String, Long> sizes = new LinkedHashMap<>(queues);
        return new Stats(sizes, oldestPendingSeconds,
                perDay.stream().map(r -> new ModeratorDay(r.text("actor"), r.text("day"), r.number("n"))).toList(),
                median == null ? null : ((Number) median).doubleValue());
    }
}
