package com.hiwar.moderation.queue;

import com.hiwar.moderation.rules.Reason;
import com.hiwar.audit.Audit;
import com.hiwar.db.SqlFilter;
import com.hiwar.db.Cursor;
import com.hiwar.problem.ProblemException;
import com.hiwar.text.MatchNormalizer;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.hiwar.db.Rows.count;
import static com.hiwar.db.Rows.instant;

/**
 * The moderation queues: keyset pages with filters, exact counts, and claims under a lease so
 * that moderators working at once get disjoint batches.
 */
@ApplicationScoped
public class ModerationQueue {

    public static final Set<String> QUEUES = Set.of("pending", "reported", "rejected", "approved", "all");
    static final int MAX_PAGE = 100;

    @Inject
    ModerationSettings settings;

    /** Filters of a queue page; nulls are "any". */
    public record Filter(String articleId, Long authorId, String rule, String q, Instant from, Instant to) {}

    static String predicate(String queue) {
        return switch (queue) {
            case "pending" -> "c.status = 'pending'";
            case "reported" -> "c.status = 'published' and c.open_reports > 0";
            case "rejected" -> "c.status = 'rejected'";
            case "approved" -> "c.status = 'published'";
            case "all" -> "c.status <> 'deleted'";
            default -> throw ProblemException.notFound("Queue", queue);
        };
    }

    @Transactional
    public QueueItem.Page page(String queue, Filter f, String order, String cursor, Integer limit) {
        boolean newest = "newest".equals(order);
        if (order != null && !newest && !"oldest".equals(order)) {
            throw ProblemException.badParameter("order", "must be oldest or newest");
        }
        int size = limit == null ? 20 : limit;
        if (size < 1 || size > MAX_PAGE) {
            throw ProblemException.badParameter("limit", "must be between 1 and " + MAX_PAGE);
        }
        String needle = null;
        if (f.q() != null && !f.q().isBlank()) {
            needle = MatchNormalizer.normalize(f.q()).full().text();
            if (needle.isEmpty()) {
                throw ProblemException.badParameter("q", "has no letters or digits to search for");
            }
            needle = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        }
        Cursor after = Cursor.decode(cursor, newest ? 'n' : 'o');
        String dir = newest ? "desc" : "asc";
        SqlFilter sql = new SqlFilter("select c.id from comments c where " + predicate(queue))
                .and("c.article_id = :article", "article", f.articleId())
                .and("c.author_id = :author", "author", f.authorId())
                .and("c.created_at >= :from", "from", f.from())
                .and("c.created_at < :to", "to", f.to())
                .and("exists (select 1 from moderation_decisions d where d.comment_id = c.id"
                        + " and d.reasons @> cast(:rule as jsonb))", "rule",
                        f.rule() == null ? null : "[{\"rule\":" + io.vertx.core.json.Json.encode(f.rule()) + "}]")
                .and("c.search_text like :q", "q", needle)
                .and(newest ? "(c.created_at, c.id) < (:at, :id)" : "(c.created_at, c.id) > (:at, :id)",
                        "at", after == null ? null : after.createdAt(), "id", after == null ? null : after.id())
                .append(" order by c.created_at " + dir + ", c.id " + dir + " limit :n")
                .bind("n", size + 1);
        Query query = sql.query(Long.class);
        @SuppressWarnings("unchecked")
        List<Long> ids = query.getResultList();
        boolean more = ids.size() > size;
        List<QueueItem> items = items(more ? ids.subList(0, size) : ids);
        QueueItem last = items.isEmpty() ? null : items.get(items.size() - 1);
        String next = more ? new Cursor(newest ? 'n' : 'o', last.createdAt(), last.id()).encode() : null;
        return new QueueItem.Page(items, next);
    }

    /** Exact sizes of every queue, from the trigger-kept counters (they move with each change, in its transaction). */
    @Transactional
    public Map<String, Long> counts() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("select queue, sum(n) from moderation_counts group by queue").getResultList();
        Map<String, Long> byQueue = new HashMap<>();
        rows.forEach(r -> byQueue.put((String) r[0], ((Number) r[1]).longValue()));
        long pending = byQueue.getOrDefault("pending", 0L);
        long reported = byQueue.getOrDefault("reported", 0L);
        long rejected = byQueue.getOrDefault("rejected", 0L);
        long published = byQueue.getOrDefault("published", 0L);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("pending", pending);
        counts.put("reported", reported);
        counts.put("rejected", rejected);
        counts.put("approved", published + reported);
        counts.put("all", pending + reported + rejected + published);
        return counts;
    }

    /**
     * Claims up to {@code limit} comments of a queue, oldest first, for {@code moderator} until the
     * lease ends. SKIP LOCKED keeps parallel claims disjoint without waiting; an expired lease
     * simply makes its comments claimable again.
     */
    @Transactional
    public List<QueueItem> claim(String queue, String articleId, String moderator, Integer limit) {
        int size = limit == null ? 20 : limit;
        if (size < 1 || size > MAX_PAGE) {
            throw ProblemException.badParameter("limit", "must be between 1 and " + MAX_PAGE);
        }
        // A lease is short-lived working state: losing one in a crash only returns comments to the
        // queue early, so this transaction does not wait for its WAL flush.
        Panache.getEntityManager().createNativeQuery("select set_config('synchronous_commit', 'off', true)").getSingleResult();
        @SuppressWarnings("unchecked")
        List<Long> ids = Panache.getEntityManager().createNativeQuery("""
                with batch as (
                    select c.id from comments c where %s and (cast(:article as text) is null or c.article_id = :article)
                      and (c.claim_expires_at is null or c.claim_expires_at < now() or c.claimed_by = :me)
                    order by c.created_at, c.id limit :n for update skip locked)
                update comments set claimed_by = :me, claim_expires_at = now() + cast(:lease as interval)
                from batch where comments.id = batch.id
                returning comments.id""".formatted(predicate(queue)), Long.class)
                .setParameter("me", moderator)
                .setParameter("article", articleId)
                .setParameter("lease", settings.claimLease().toSeconds() + " seconds")
                .setParameter("n", size)
                .getResultList();
        Audit.record(moderator, "claim", null, null, null, null, Map.of("queue", queue, "comments", ids));
        List<Long> sorted = new ArrayList<>(ids);
        List<QueueItem> items = items(sorted);
        items.sort((a, b) -> a.createdAt().compareTo(b.createdAt()) != 0 ? a.createdAt().compareTo(b.createdAt())
                : Long.compare(a.id(), b.id()));
        return items;
    }

    /** The dashboard's view of these comments, in the given order: one query, whatever the count. */
    @Transactional
    public List<QueueItem> items(List<Long> ids) {
        if (ids.isEmpty()) {
            return new ArrayList<>();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                select c.id, c.status, c.body, c.created_at, c.edited_at, c.version, c.featured, c.open_reports,
                       c.claimed_by, c.claim_expires_at, c.article_id, a.title, a.url, c.author_id, c.parent_id,
                       u.display_name, u.status, u.trusted, u.premoderated,
                       (select reasons::text from moderation_decisions d where d.comment_id = c.id order by d.id desc limit 1),
                       ac.published, ac.rejected, ac.reported, p.status, p.body, pu.display_name,
                       c.hidden, c.like_count,
                       (select json_agg(json_build_object('reason', r.reason, 'note', r.note, 'weight', r.weight,
                                                          'createdAt', to_char(r.created_at at time zone 'UTC',
                                                                               'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
                                 order by r.id)::text
                        from comment_reports r where r.comment_id = c.id and r.resolved_at is null)
                from comments c
                join articles a on a.id = c.article_id
                left join users u on u.id = c.author_id
                left join lateral (
                    select count(*) filter (where x.status = 'published') as published,
                           count(*) filter (where x.status = 'rejected') as rejected,
                           coalesce(sum(x.open_reports), 0) as reported
                    from comments x where x.author_id = c.author_id) ac on c.author_id is not null
                left join comments p on p.id = c.parent_id
                left join users pu on pu.id = p.author_id
                where c.id in (:ids)""").setParameter("ids", ids).getResultList();
        Map<Long, QueueItem> byId = new HashMap<>();
        for (Object[] r : rows) {
            Long authorId = (Long) r[13];
            QueueItem.AuthorRef author = authorId == null ? null : new QueueItem.AuthorRef(authorId, (String) r[15],
                    (String) r[16], Boolean.TRUE.equals(r[17]), Boolean.TRUE.equals(r[18]), count(r[20]), count(r[21]),
                    count(r[22]));
            QueueItem.ParentRef parent = r[14] == null ? null
                    : new QueueItem.ParentRef((Long) r[14], (String) r[23], (String) r[24], (String) r[25]);
            byId.put((Long) r[0], new QueueItem((Long) r[0], (String) r[1], (String) r[2], instant(r[3]), instant(r[4]),
                    ((Number) r[5]).intValue(), (Boolean) r[6], ((Number) r[7]).intValue(), (Boolean) r[26],
                    ((Number) r[27]).intValue(), (String) r[8], instant(r[9]),
                    new QueueItem.ArticleRef((String) r[10], (String) r[11], (String) r[12]), author,
                    reasons((String) r[19]), reports((String) r[28]), parent));
        }
        List<QueueItem> out = new ArrayList<>();
        ids.forEach(id -> {
            if (byId.containsKey(id)) {
                out.add(byId.get(id));
            }
        });
        return out;
    }


    private static List<QueueItem.ReportRef> reports(String json) {
        return json == null ? List.of() : List.of(io.vertx.core.json.Json.decodeValue(json, QueueItem.ReportRef[].class));
    }

    private static List<Reason> reasons(String json) {
        if (json == null) {
            return List.of();
        }
        return List.of(io.vertx.core.json.Json.decodeValue(json, Reason[].class));
    }



}
