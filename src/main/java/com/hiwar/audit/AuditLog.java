package com.hiwar.audit;

import com.hiwar.db.SqlFilter;
import com.hiwar.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The audit log's read side, and the moderation statistics built on it. */
@ApplicationScoped
public class AuditLog {

    public record Filter(Long commentId, Long userId, String actor, String articleId) {}

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
                       details::text from moderation_audit where true""")
                .and("comment_id = :c", "c", f.commentId())
                .and("user_id = :u", "u", f.userId())
                .and("actor = :a", "a", f.actor())
                .and("article_id = :art", "art", f.articleId())
                .and("id < :before", "before", before)
                .append(" order by id desc limit :n")
                .bind("n", size + 1)
                .query(null);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        List<Entry> entries = new ArrayList<>();
        for (Object[] r : rows.subList(0, Math.min(size, rows.size()))) {
            entries.add(new Entry(((Number) r[0]).longValue(), com.hiwar.db.Rows.instant(r[1]), (String) r[2], (String) r[3],
                    r[4] == null ? null : ((Number) r[4]).longValue(), r[5] == null ? null : ((Number) r[5]).longValue(),
                    (String) r[6], (String) r[7], (String) r[8], (String) r[9], (String) r[10]));
        }
        String next = rows.size() > size ? Long.toString(entries.get(entries.size() - 1).id()) : null;
        return new Page(entries, next);
    }

    @Transactional
    public Stats stats(Map<String, Long> queues, Long oldestPendingSeconds) {
        var em = Panache.getEntityManager();
        @SuppressWarnings("unchecked")
        List<Object[]> perDay = em.createNativeQuery("""
                select actor, to_char(date_trunc('day', at), 'YYYY-MM-DD'), count(*) from moderation_audit
                where actor <> 'system' and action in (:decisions) and at > now() - interval '30 days'
                group by 1, 2 order by 2 desc, 1""").setParameter("decisions", DECISIONS).getResultList();
        Object median = em.createNativeQuery("""
                select percentile_cont(0.5) within group (order by extract(epoch from a.at - c.at))
                from moderation_audit a
                join moderation_audit c on c.comment_id = a.comment_id and c.status_before is null and c.status_after is not null
                where a.actor <> 'system' and a.action in ('approve', 'reject') and a.status_before = 'pending'
                  and a.at > now() - interval '30 days'""").getSingleResult();
        Map<String, Long> sizes = new LinkedHashMap<>(queues);
        return new Stats(sizes, oldestPendingSeconds,
                perDay.stream().map(r -> new ModeratorDay((String) r[0], (String) r[1], ((Number) r[2]).longValue())).toList(),
                median == null ? null : ((Number) median).doubleValue());
    }
}
