package com.hiwar.comment;

import com.hiwar.audit.Audit;
import com.hiwar.db.Jdbc;
import com.hiwar.db.Cursor;
import com.hiwar.db.Row;
import com.hiwar.db.SqlFilter;
import com.hiwar.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.hiwar.db.Rows.count;
import static com.hiwar.db.Rows.instant;

/**
 * The one door to the comments table for every other package: what they may read of comments,
 * and the state changes they may ask for. Each change keeps the table's invariants here (the
 * version bump, the report counters, the claim) and announces itself with {@link CommentChanged}.
 * Reader pages and writes are {@link CommentService}'s.
 */
@ApplicationScoped
public class CommentStore {

    /** The queues a moderator works through; each is a predicate over a comment's state. */
    public static final Set<String> QUEUES = Set.of("pending", "reported", "rejected", "approved", "all");

    /** What another package may know of one comment. */
    public record CommentRef(long id, String articleId, Long parentId, Long authorId, CommentStatus status,
                             boolean hidden, int version) {
        public boolean isPublic() {
            return CommentStatus.isPublic(status, hidden);
        }

        static CommentRef of(Comment c) {
            return new CommentRef(c.id, c.articleId, c.parentId, c.authorId, c.status, c.hidden, c.version);
        }
    }

    /** A moderator's decision on a comment. */
    public enum ModeratorAction {
        APPROVE, REJECT, FEATURE, UNFEATURE, RESTORE;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The action a wire name (any case) names, if any. */
        public static Optional<ModeratorAction> parse(String wire) {
            return Arrays.stream(values()).filter(a -> a.wire().equalsIgnoreCase(wire)).findFirst();
        }
    }

    /**
     * Filters of a queue page; nulls are "any". {@code like} is a LIKE pattern over the normalized
     * text; {@code sections} are a desk-scoped moderator's sections.
     */
    public record QueueFilter(String articleId, Long authorId, String rule, String like, Instant from, Instant to,
                              Collection<String> sections) {}

    /** Comments {@code c} of articles in these sections (the desks' scope). */
    private static final String IN_SECTIONS = com.hiwar.article.ArticleService.inSections("c.article_id");

    /** A comment as the moderation dashboard shows it, with its parent and its author's record. */
    public record ModerationRow(long id, String status, String body, Instant createdAt, Instant editedAt, int version,
                                boolean featured, int openReports, boolean hidden, int likeCount, String claimedBy,
                                Instant claimExpiresAt, String articleId, Long authorId, Long parentId,
                                String parentStatus, String parentBody, Long parentAuthorId,
                                long authorPublished, long authorRejected, long authorReported,
                                String guestName, String parentGuestName) {}

    /** A reader's comments by status, the open reports on them and the likes they received. */
    public record AuthorTally(Map<String, Long> byStatus, long openReports, long likesReceived) {}

    /** A notified comment: what the notification may show of it depends on who reads and whether it is public. */
    public record NoticeRow(long id, String articleId, CommentStatus status, boolean isPublic, String body, Long authorId) {}

    /** One of a reader's comments, for their data export. */
    public record ExportRow(long id, String articleId, Long parentId, String status, String body, Instant createdAt,
                            Instant editedAt, Instant deletedAt, int likes) {}

    /** A comment as it stands inside the transaction that just changed it, for events leaving the service. */
    public record EventRow(long id, String articleId, Long parentId, Long authorId, CommentStatus status, boolean hidden,
                           String body, int version, Instant createdAt, Instant editedAt, List<String> rules) {}

    /** A comment as it stands in this transaction (read from the persistence context when it was just written). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<EventRow> eventRow(long id) {
        return Comment.<Comment>findByIdOptional(id).map(c -> new EventRow(c.id, c.articleId, c.parentId, c.authorId, c.status,
                c.hidden, c.body, c.version, c.createdAt, c.editedAt, c.rules == null ? List.of() : List.copyOf(c.rules)));
    }

    /** A comment's like count and whether the public sees it. */
    public record LikeState(String articleId, int likes, boolean isPublic) {}

    @Inject
    CommentService comments;

    @Inject
    Event<CommentChanged> changes;

    private static EntityManager em() {
        return Panache.getEntityManager();
    }

    // --- Reading ---------------------------------------------------------------------------

    /** The comment if {@code viewer} may see it (404 otherwise); {@code lock} takes its row lock. */
    public CommentRef visible(long id, long viewer, boolean lock) {
        return Comment.findVisible(id, viewer, lock).map(CommentRef::of)
                .orElseThrow(() -> ProblemException.notFound("Comment", id));
    }

    public Optional<Long> authorOf(long id) {
        return Comment.<Comment>findByIdOptional(id).map(c -> c.authorId);
    }

    /** Published comments of the author, counted up to {@code cap} (enough to answer "at least cap?"). */
    public long publishedCount(long authorId, int cap) {
        return count(em().createNativeQuery("""
                select count(*) from (select 1 from comments
                where author_id = :a and status = 'published' limit :n) c""")
                .setParameter("a", authorId).setParameter("n", cap).getSingleResult());
    }

    /** Whether the author posted this normalized text since {@code since}, in another comment than {@code self}. */
    public boolean postedRecently(long authorId, String normalizedText, Instant since, Long self) {
        // search_text holds each body normalized the same way, so this is one probe of comments_repeat by its hash.
        return !Jdbc.list("""
                select 1 from comments
                where author_id = ? and md5(search_text) = md5(?) and status <> 'deleted'
                  and search_text = ? and created_at > ? and id <> ?
                limit 1""", s -> {
            s.setLong(1, authorId);
            s.setString(2, normalizedText);
            s.setString(3, normalizedText);
            s.setObject(4, since.atOffset(ZoneOffset.UTC));
            s.setLong(5, self == null ? -1L : self);
        }, r -> 1).isEmpty();
    }

    public Optional<LikeState> likeState(long id) {
        return Comment.<Comment>findByIdOptional(id).map(c -> new LikeState(c.articleId, c.likeCount, c.isPublic()));
    }

    public AuthorTally tally(long authorId) {
        List<Row> rows = Row.all(em().createNativeQuery("""
                select status, count(*) as n, coalesce(sum(open_reports), 0) as reports, coalesce(sum(like_count), 0) as likes
                from comments where author_id = :u group by status""", Tuple.class).setParameter("u", authorId));
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (CommentStatus s : List.of(CommentStatus.PUBLISHED, CommentStatus.PENDING, CommentStatus.REJECTED, CommentStatus.DELETED)) {
            byStatus.put(s.wire(), 0L);
        }
        long reports = 0;
        long likes = 0;
        for (Row r : rows) {
            byStatus.put(r.text("status"), r.number("n"));
            reports += r.number("reports");
            likes += r.number("likes");
        }
        return new AuthorTally(byStatus, reports, likes);
    }

    /** The author's latest comments, newest first. */
    public List<Long> recentIds(long authorId, int limit) {
        return em().createNativeQuery(
                "select id from comments where author_id = :u order by created_at desc, id desc limit :n", Long.class)
                .setParameter("u", authorId).setParameter("n", limit).getResultList();
    }

    /** How many of these comments have the status. */
    public long countWithStatus(java.util.Collection<Long> ids, CommentStatus status) {
        return ids.isEmpty() ? 0 : count(em().createNativeQuery(
                "select count(*) from comments where id in (:ids) and status = :s")
                .setParameter("ids", ids).setParameter("s", status.name().toLowerCase()).getSingleResult());
    }

    public List<ExportRow> exportRows(long authorId) {
        return Row.all(em().createNativeQuery("""
                select id, article_id, parent_id, status, body, created_at, edited_at, deleted_at, like_count
                from comments where author_id = :u order by created_at, id""", Tuple.class).setParameter("u", authorId))
                .stream().map(r -> new ExportRow(r.number("id"), r.text("article_id"), r.id("parent_id"), r.text("status"),
                        r.text("body"), r.instant("created_at"), r.instant("edited_at"), r.instant("deleted_at"),
                        r.integer("like_count"))).toList();
    }

    public Map<Long, NoticeRow> noticeRows(Collection<Long> ids) {
        Map<Long, NoticeRow> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            Comment.<Comment>list("id in ?1", ids).forEach(c -> byId.put(c.id,
                    new NoticeRow(c.id, c.articleId, c.status, c.isPublic(), c.body, c.authorId)));
        }
        return byId;
    }

    // --- Moderation queues -------------------------------------------------------------------

    /** The queue's predicate over comments {@code c}; 404 for an unknown queue. */
    public static String queuePredicate(String queue) {
        return switch (queue) {
            case "pending" -> "c.status = 'pending'";
            case "reported" -> "c.status = 'published' and c.open_reports > 0";
            case "rejected" -> "c.status = 'rejected'";
            case "approved" -> "c.status = 'published'";
            case "all" -> "c.status <> 'deleted'";
            default -> throw ProblemException.notFound("Queue", queue);
        };
    }

    /** Up to {@code n} ids of a queue page after the cursor, by creation time. */
    public List<Long> queuePage(String queue, QueueFilter f, boolean newest, Cursor after, int n) {
        String dir = newest ? "desc" : "asc";
        SqlFilter sql = new SqlFilter("select c.id from comments c where " + queuePredicate(queue))
                .and("c.article_id = :article", "article", f.articleId())
                .and("c.author_id = :author", "author", f.authorId())
                .and("c.created_at >= :from", "from", f.from())
                .and("c.created_at < :to", "to", f.to())
                .and("c.rules @> array[cast(:rule as text)]", "rule", f.rule())
                .and("c.search_text like :q", "q", f.like())
                .and(IN_SECTIONS, "sections", f.sections())
                .and(newest ? "(c.created_at, c.id) < (:at, :id)" : "(c.created_at, c.id) > (:at, :id)",
                        "at", after == null ? null : after.createdAt(), "id", after == null ? null : after.id())
                .append(" order by c.created_at " + dir + ", c.id " + dir + " limit :n")
                .bind("n", n);
        @SuppressWarnings("unchecked")
        List<Long> ids = sql.query(Long.class).getResultList();
        return ids;
    }

    /**
     * Counts of every queue: site-wide from the counters a trigger keeps in each change's own
     * transaction; for a desk ({@code sections} not null) counted from its articles' comments.
     */
    public Map<String, Long> queueCounts(Collection<String> sections) {
        Map<String, Long> byQueue = new HashMap<>();
        var query = sections == null
                ? em().createNativeQuery("select queue, sum(n) as n from moderation_counts group by queue", Tuple.class)
                : em().createNativeQuery("select moderation_queue(c.status, c.open_reports) as queue, count(*) as n"
                        + " from comments c where " + IN_SECTIONS + " group by 1", Tuple.class).setParameter("sections", sections);
        Row.all(query).forEach(r -> byQueue.put(r.text("queue"), r.number("n")));
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

    /** An article's comments per queue (pending, reported, published, rejected, deleted). */
    public Map<String, Long> articleQueueCounts(String articleId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String q : List.of("pending", "reported", "published", "rejected", "deleted")) {
            counts.put(q, 0L);
        }
        Row.all(em().createNativeQuery("""
                select moderation_queue(status, open_reports) as queue, count(*) as n from comments
                where article_id = :a group by 1""", Tuple.class).setParameter("a", articleId))
                .forEach(r -> counts.put(r.text("queue"), r.number("n")));
        return counts;
    }

    public record ArticlePending(String articleId, long pending) {}

    /** The articles with the most comments waiting for review, most first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ArticlePending> mostPending(int n) {
        return Row.all(em().createNativeQuery("""
                select article_id, count(*) as n from comments where status = 'pending'
                group by article_id order by n desc, article_id limit :n""", Tuple.class).setParameter("n", n))
                .stream().map(r -> new ArticlePending(r.text("article_id"), r.number("n"))).toList();
    }

    /** Seconds the oldest pending comment has waited, or null when none waits. */
    public Long oldestPendingSeconds() {
        Object oldest = em().createNativeQuery(
                "select extract(epoch from now() - min(created_at))::bigint from comments where status = 'pending'")
                .getSingleResult();
        return oldest == null ? null : count(oldest);
    }

    /**
     * Claims up to {@code n} comments of a queue, oldest first, for {@code moderator} until the
     * lease ends. SKIP LOCKED keeps parallel claims disjoint without waiting; an expired lease
     * simply makes its comments claimable again.
     */
    public List<Long> claim(String queue, String articleId, Collection<String> sections, String moderator, Duration lease, int n) {
        // A lease is short-lived working state: losing one in a crash only returns comments to the
        // queue early, so this transaction does not wait for its WAL flush.
        em().createNativeQuery("select set_config('synchronous_commit', 'off', true)").getSingleResult();
        var claim = em().createNativeQuery("""
                with batch as (
                    select c.id from comments c where %s and (cast(:article as text) is null or c.article_id = :article)%s
                      and (c.claim_expires_at is null or c.claim_expires_at < now() or c.claimed_by = :me)
                    order by c.created_at, c.id limit :n for update skip locked)
                update comments set claimed_by = :me, claim_expires_at = now() + cast(:lease as interval)
                from batch where comments.id = batch.id
                returning comments.id""".formatted(queuePredicate(queue), sections == null ? "" : " and " + IN_SECTIONS), Long.class);
        if (sections != null) {
            claim.setParameter("sections", sections);
        }
        return claim
                .setParameter("me", moderator)
                .setParameter("article", articleId)
                .setParameter("lease", lease.toSeconds() + " seconds")
                .setParameter("n", n)
                .getResultList();
    }

    /**
     * The bodies of these comments as they stood at the given versions, for learning from
     * moderators' decisions: a comment edited since, erased or deleted is left out.
     */
    public Map<Long, String> bodiesAt(Map<Long, Integer> versions) {
        Map<Long, String> bodies = new HashMap<>();
        if (versions.isEmpty()) {
            return bodies;
        }
        for (Row r : Row.all(em().createNativeQuery(
                "select id, version, body from comments where id in (:ids) and status <> 'deleted' and body <> ''",
                Tuple.class).setParameter("ids", versions.keySet()))) {
            if (versions.get(r.number("id")) == r.integer("version")) {
                bodies.put(r.number("id"), r.text("body"));
            }
        }
        return bodies;
    }

    /** The dashboard's rows of these comments, in one query whatever the count; absent ids are left out. */
    public Map<Long, ModerationRow> moderationRows(Collection<Long> ids) {
        Map<Long, ModerationRow> byId = new HashMap<>();
        if (ids.isEmpty()) {
            return byId;
        }
        List<Row> rows = Row.all(em().createNativeQuery("""
                select c.id, c.status, c.body, c.created_at, c.edited_at, c.version, c.featured, c.open_reports,
                       c.hidden, c.like_count, c.claimed_by, c.claim_expires_at, c.article_id, c.author_id, c.parent_id,
                       p.status as parent_status, p.body as parent_body, p.author_id as parent_author,
                       ac.published, ac.rejected, ac.reported, c.guest_name, p.guest_name as parent_guest_name
                from comments c
                left join lateral (
                    select count(*) filter (where x.status = 'published') as published,
                           count(*) filter (where x.status = 'rejected') as rejected,
                           coalesce(sum(x.open_reports), 0) as reported
                    from comments x where x.author_id = c.author_id) ac on c.author_id is not null
                left join comments p on p.id = c.parent_id
                where c.id in (:ids)""", Tuple.class).setParameter("ids", ids));
        for (Row r : rows) {
            byId.put(r.number("id"), new ModerationRow(r.number("id"), r.text("status"), r.text("body"),
                    r.instant("created_at"), r.instant("edited_at"), r.integer("version"), r.flag("featured"),
                    r.integer("open_reports"), r.flag("hidden"), r.integer("like_count"), r.text("claimed_by"),
                    r.instant("claim_expires_at"), r.text("article_id"), r.id("author_id"), r.id("parent_id"),
                    r.text("parent_status"), r.text("parent_body"), r.id("parent_author"), r.number("published"),
                    r.number("rejected"), r.number("reported"), r.text("guest_name"), r.text("parent_guest_name")));
        }
        return byId;
    }

    // --- State changes -----------------------------------------------------------------------

    /**
     * A moderator's decision on the {@code version} they saw, under the row lock: a stale version
     * is refused, so of two moderators deciding at once exactly one wins. Approving or rejecting
     * settles the open reports (their owner resolves them on the event). Returns the comment as
     * the decision left it; the version moved, so every earlier decision is stale.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CommentRef moderate(long id, int version, ModeratorAction action, String moderator, String reason) {
        Comment c = Comment.<Comment>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Comment", id));
        if (c.version != version) {
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
        Audit.actAs(moderator, action.wire(), reason);
        boolean wasPublic = c.isPublic();
        CommentStatus statusBefore = c.status;
        switch (action) {
            case APPROVE -> {
                require(c, c.status != CommentStatus.PUBLISHED || c.openReports > 0, "already approved");
                c.status = CommentStatus.PUBLISHED;
                settleReports(c);
            }
            case REJECT -> {
                require(c, c.status != CommentStatus.REJECTED, "already rejected");
                c.status = CommentStatus.REJECTED;
                c.featured = false;
                settleReports(c);
            }
            case FEATURE, UNFEATURE -> {
                boolean feature = action == ModeratorAction.FEATURE;
                require(c, c.status == CommentStatus.PUBLISHED, "only published comments can be featured");
                require(c, c.featured != feature, feature ? "already featured" : "not featured");
                c.featured = feature;
                Audit.record(moderator, action.wire(), c.id, c.authorId, c.articleId, reason, Map.of());
            }
            case RESTORE -> {
                String before = Audit.lastModeratorStatusBefore(c.id, c.status.wire());
                if (before == null) {
                    throw ProblemException.conflict("nothing-to-restore", "Nothing to restore",
                            "No moderator decision on comment " + id + " to undo");
                }
                c.status = CommentStatus.valueOf(before.toUpperCase(Locale.ROOT));
            }
        }
        c.claimedBy = null;
        c.claimExpiresAt = null;
        c.rules = withRules(c.rules, List.of("moderator"));
        c.flush(); // bumps the version
        comments.announce(c, wasPublic, action.wire(), moderator, CommentChanged.Change.DECIDED, statusBefore);
        return CommentRef.of(c);
    }

    /** A decision settles the open reports: a comment approved over them needs as many new ones to hide again. */
    private static void settleReports(Comment c) {
        c.openReports = 0;
        c.reportScore = 0;
        c.hidden = false;
    }

    private static void require(Comment c, boolean ok, String why) {
        if (!ok) {
            throw ProblemException.conflict("invalid-transition", "Not possible now", "Comment " + c.id + ": " + why);
        }
    }

    static List<String> withRules(List<String> rules, Collection<String> more) {
        List<String> all = new ArrayList<>(rules == null ? List.of() : rules);
        more.stream().filter(r -> !all.contains(r)).distinct().forEach(all::add);
        return all;
    }

    /**
     * A report of {@code weight} on a comment its reporter locked with {@link #visible}; when the
     * weighted open reports reach {@code threshold} the comment is hidden from everyone but its author.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reported(long id, int weight, int threshold) {
        // Counters change in SQL, without the entity's version: a report must not make the
        // author's edit or a moderator's decision stale.
        em().createNativeQuery("""
                update comments set open_reports = open_reports + 1, report_score = report_score + :w,
                       hidden = hidden or report_score + :w >= :threshold
                where id = :c""")
                .setParameter("w", weight).setParameter("threshold", threshold).setParameter("c", id)
                .executeUpdate();
        Comment c = Comment.findById(id);
        em().refresh(c);
        if (c.hidden) {
            Audit.record("system", "hide", c.id, c.authorId, c.articleId, "reports",
                    Map.of("reportScore", c.reportScore, "threshold", threshold));
            comments.announce(c, true, null, null, CommentChanged.Change.HIDDEN, c.status);
        }
    }

    /** Moves like counts (likes are counted atomically, never through the entity's version); returns the new counts. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int addLikes(long id, int delta) {
        return (int) count(em().createNativeQuery(
                        "update comments set like_count = like_count + :d where id = :c returning like_count")
                .setParameter("d", delta).setParameter("c", id).getSingleResult());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void takeBackLikes(Collection<Long> ids) {
        em().createNativeQuery("update comments set like_count = like_count - 1 where id in (:ids)")
                .setParameter("ids", ids).executeUpdate();
    }

    public int likeCount(long id) {
        return (int) count(em().createNativeQuery("select like_count from comments where id = :c")
                .setParameter("c", id).getSingleResult());
    }

    /** A ban that rejects the reader's published and pending comments; returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int rejectAllBy(long authorId, String moderator) {
        Audit.actAs(moderator, "reject", "ban");
        return em().createNativeQuery("""
                update comments set status = 'rejected', featured = false, version = version + 1
                where author_id = :u and status in ('published', 'pending')""")
                .setParameter("u", authorId).executeUpdate();
    }

    /**
     * Erases up to {@code n} comments of the author: body, author and search text go and they
     * become deleted (a comment with replies stays as a placeholder). Returns their ids; public
     * ones are announced as gone.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Long> eraseBatchOf(long authorId, int n) {
        List<Row> rows = Row.all(em().createNativeQuery("""
                select id, article_id, parent_id, version, comment_is_public(status, hidden) as is_public
                from comments where author_id = :u order by id limit :n for update""", Tuple.class)
                .setParameter("u", authorId).setParameter("n", n));
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(r -> r.number("id")).toList();
        em().createNativeQuery("""
                update comments set status = 'deleted', body = '', search_text = '', author_id = null,
                       deleted_at = coalesce(deleted_at, now()), featured = false, hidden = false,
                       open_reports = 0, report_score = 0, claimed_by = null, claim_expires_at = null,
                       version = version + 1
                where id in (:ids)""").setParameter("ids", ids).executeUpdate();
        for (Row r : rows) {
            if (r.flag("is_public")) {
                changes.fire(new CommentChanged(r.text("article_id"), r.number("id"), r.id("parent_id"), null,
                        r.integer("version") + 1, true, false, null, null, null, CommentChanged.Change.ERASED,
                        CommentStatus.PUBLISHED, CommentStatus.DELETED, false));
            }
        }
        return ids;
    }

    /** Lets go of every claim a moderator holds (their login is being erased). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void releaseClaims(String moderator) {
        em().createNativeQuery("update comments set claimed_by = null, claim_expires_at = null where claimed_by = :s")
                .setParameter("s", moderator).executeUpdate();
    }
}
