package com.hiwar.moderation.queue;

import com.hiwar.article.Article;
import com.hiwar.article.ArticleService;
import com.hiwar.audit.Audit;
import com.hiwar.auth.User;
import com.hiwar.comment.CommentStore.ModerationRow;
import com.hiwar.comment.CommentStore;
import com.hiwar.db.Cursor;
import com.hiwar.db.Paging;
import com.hiwar.moderation.ModerationDecision;
import com.hiwar.moderation.rules.Reason;
import com.hiwar.problem.ProblemException;
import com.hiwar.report.Reports;
import com.hiwar.text.MatchNormalizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The moderation queues: keyset pages with filters, exact counts, and claims under a lease so
 * that moderators working at once get disjoint batches. The comments' owner holds the queries;
 * this puts each item together from the owners of comments, articles, users, decisions and reports.
 */
@ApplicationScoped
public class ModerationQueue {

    public static final Set<String> QUEUES = CommentStore.QUEUES;
    static final int MAX_PAGE = 100;

    @Inject
    ModerationSettings settings;

    @Inject
    CommentStore comments;

    @Inject
    ArticleService articles;

    @Inject
    Reports reports;

    /** Filters of a queue page; nulls are "any". {@code sections}: the desks a moderator is limited to. */
    public record Filter(String articleId, Long authorId, String rule, String q, Instant from, Instant to,
                         java.util.Collection<String> sections) {}

    @Transactional
    public QueueItem.Page page(String queue, Filter f, String order, String cursor, Integer limit) {
        boolean newest = "newest".equals(order);
        if (order != null && !newest && !"oldest".equals(order)) {
            throw ProblemException.badParameter("order", "must be oldest or newest");
        }
        int size = Paging.size(limit, 20, MAX_PAGE);
        String like = null;
        if (f.q() != null && !f.q().isBlank()) {
            String needle = MatchNormalizer.normalize(f.q()).full().text();
            if (needle.isEmpty()) {
                throw ProblemException.badParameter("q", "has no letters or digits to search for");
            }
            like = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        }
        Cursor after = Cursor.decode(cursor, newest ? 'n' : 'o');
        List<Long> ids = comments.queuePage(queue, new CommentStore.QueueFilter(f.articleId(), f.authorId(), f.rule(), like,
                f.from(), f.to(), f.sections()), newest, after, size + 1);
        Paging.Slice<Long> slice = Paging.slice(ids, size);
        List<QueueItem> items = items(slice.items());
        QueueItem last = items.isEmpty() ? null : items.get(items.size() - 1);
        String next = slice.more() ? new Cursor(newest ? 'n' : 'o', last.createdAt(), last.id()).encode() : null;
        return new QueueItem.Page(items, next);
    }

    /** Exact sizes of every queue, site-wide or (sections not null) for a desk's articles. */
    @Transactional
    public Map<String, Long> counts(java.util.Collection<String> sections) {
        return comments.queueCounts(sections);
    }

    /** Claims up to {@code limit} comments of a queue, oldest first, for {@code moderator} until the lease ends. */
    @Transactional
    public List<QueueItem> claim(String queue, String articleId, java.util.Collection<String> sections, String moderator,
                                 Integer limit) {
        int size = Paging.size(limit, 20, MAX_PAGE);
        List<Long> ids = comments.claim(queue, articleId, sections, moderator, settings.claimLease(), size);
        Audit.record(moderator, "claim", null, null, null, null, Map.of("queue", queue, "comments", ids));
        List<QueueItem> items = items(ids);
        items.sort(Comparator.comparing(QueueItem::createdAt).thenComparingLong(QueueItem::id));
        return items;
    }

    /** The dashboard's view of these comments, in the given order: one query per owner, whatever the count. */
    @Transactional
    public List<QueueItem> items(List<Long> ids) {
        if (ids.isEmpty()) {
            return new ArrayList<>();
        }
        Map<Long, ModerationRow> rows = comments.moderationRows(ids);
        Map<String, Article> articleById = articles.byIds(rows.values().stream().map(ModerationRow::articleId).toList());
        Map<Long, User> users = User.byIds(rows.values().stream()
                .flatMap(r -> Stream.of(r.authorId(), r.parentAuthorId())).filter(Objects::nonNull).distinct().toList());
        Map<Long, List<Reason>> reasons = ModerationDecision.latestReasons(rows.keySet());
        Map<Long, List<Reports.OpenReport>> open = reports.open(rows.keySet());
        List<QueueItem> out = new ArrayList<>();
        for (Long id : ids) {
            ModerationRow r = rows.get(id);
            if (r == null) {
                continue;
            }
            User u = r.authorId() == null ? null : users.get(r.authorId());
            // An imported guest has a name and no account: nothing to open, ban or trust.
            QueueItem.AuthorRef author = r.authorId() != null ? new QueueItem.AuthorRef(r.authorId(),
                    u == null ? null : u.displayName, u == null ? null : u.status, u != null && u.trusted,
                    u != null && u.premoderated, r.authorPublished(), r.authorRejected(), r.authorReported())
                    : r.guestName() != null ? new QueueItem.AuthorRef(null, r.guestName(), "guest", false, false, 0, 0, 0) : null;
            User pu = r.parentAuthorId() == null ? null : users.get(r.parentAuthorId());
            QueueItem.ParentRef parent = r.parentId() == null ? null : new QueueItem.ParentRef(r.parentId(),
                    r.parentStatus(), r.parentBody(), pu != null ? pu.displayName : r.parentGuestName());
            Article a = articleById.get(r.articleId());
            out.add(new QueueItem(r.id(), r.status(), r.body(), r.createdAt(), r.editedAt(), r.version(), r.featured(),
                    r.openReports(), r.hidden(), r.likeCount(), r.claimedBy(), r.claimExpiresAt(),
                    new QueueItem.ArticleRef(r.articleId(), a == null ? null : a.title, a == null ? null : a.url,
                            a == null ? null : a.section), author,
                    reasons.getOrDefault(id, List.of()),
                    open.getOrDefault(id, List.of()).stream()
                            .map(o -> new QueueItem.ReportRef(o.reason(), o.note(), o.weight(), o.createdAt())).toList(),
                    parent));
        }
        return out;
    }
}
