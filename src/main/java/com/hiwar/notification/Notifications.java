package com.hiwar.notification;

import com.hiwar.article.Article;
import com.hiwar.article.ArticleService;
import com.hiwar.auth.User;
import com.hiwar.comment.CommentChanged;
import com.hiwar.comment.CommentStatus;
import com.hiwar.comment.CommentStore;
import com.hiwar.db.Cursor;
import com.hiwar.db.Paging;
import com.hiwar.db.Row;
import com.hiwar.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static com.hiwar.db.Rows.count;
import static com.hiwar.db.Rows.instant;

/**
 * What a reader is told: a reply to one of their comments was published, or a moderator
 * approved or rejected one of theirs. Written in the transaction that caused it, so none is
 * lost or invented; a unique key makes a repeated event harmless.
 */
@ApplicationScoped
public class Notifications {

    static final int EXCERPT = 140;

    @Inject
    CommentStore comments;

    @Inject
    ArticleService articles;

    @Inject
    jakarta.enterprise.event.Event<Notified> notified;
    static final int MAX_PAGE = 100;

    public record Item(long id, String kind, Instant createdAt, boolean read, CommentRef comment, String from) {}

    /**
     * The comment concerned: the reply, or the reader's own decided comment (body shortened;
     * absent once gone). Someone else's reply shows its text and author only while it is public
     * now; edited into review, rejected, hidden by reports or deleted, it is status "removed".
     */
    public record CommentRef(long id, String articleId, String articleTitle, String articleUrl, String status,
                             String excerpt) {}

    public record Page(List<Item> items, long unread, String nextCursor) {}

    public record ReadRequest(List<Long> ids, Boolean all) {}

    public record ReadResult(int marked, long unread) {}

    void onCommentChanged(@Observes CommentChanged e) {
        if (e.appeared() && e.parentId() != null) {
            // Replies notify the parent's author, unless they answered themselves.
            comments.authorOf(e.parentId()).filter(parentAuthor -> !parentAuthor.equals(e.authorId()))
                    .ifPresent(parentAuthor -> insert(parentAuthor, "reply", e.id()));
        }
        String kind = "approve".equals(e.decision()) && e.appeared() ? "approved"
                : "reject".equals(e.decision()) ? "rejected" : null;
        if (kind != null && e.authorId() != null) {
            insert(e.authorId(), kind, e.id());
        }
    }

    private void insert(long userId, String kind, long commentId) {
        @SuppressWarnings("unchecked")
        List<Number> ids = Panache.getEntityManager().createNativeQuery("""
                insert into notifications (user_id, kind, comment_id) values (:u, :k, :c) on conflict do nothing returning id""")
                .setParameter("u", userId).setParameter("k", kind).setParameter("c", commentId).getResultList();
        ids.forEach(id -> notified.fire(new Notified(userId, id.longValue(), kind)));
    }

    /** The reader's notifications among {@code ids}, newest first, each shown as the list shows it (nothing not public now). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Item> items(long userId, java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return render(Row.all(Panache.getEntityManager().createNativeQuery("""
                select n.id, n.kind, n.created_at, n.read_at is not null as read, n.comment_id
                from notifications n where n.user_id = :u and n.id in (:ids) order by n.id desc""", Tuple.class)
                .setParameter("u", userId).setParameter("ids", ids)));
    }

    /** The ids of the reader's notifications of these kinds since {@code since}, oldest first (for a digest). */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<Long> idsSince(long userId, java.util.Collection<String> kinds, Instant since) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        return ((List<Number>) Panache.getEntityManager().createNativeQuery("""
                select id from notifications where user_id = :u and kind in (:k) and created_at > :since order by id""")
                .setParameter("u", userId).setParameter("k", kinds).setParameter("since", since).getResultList())
                .stream().map(Number::longValue).toList();
    }

    /** Every notification of the reader, for the data export. */
    @Transactional
    public Page all(long userId) {
        return page(userId, false, Integer.MAX_VALUE - 1, null);
    }

    @Transactional
    public Page list(long userId, boolean unreadOnly, Integer limit, String cursor) {
        int size = Paging.size(limit, 20, MAX_PAGE);
        return page(userId, unreadOnly, size, Cursor.decode(cursor, 'n'));
    }

    private Page page(long userId, boolean unreadOnly, int size, Cursor after) {
        List<Row> rows = Row.all(Panache.getEntityManager().createNativeQuery("""
                select n.id, n.kind, n.created_at, n.read_at is not null as read, n.comment_id
                from notifications n
                where n.user_id = :u and (:unread = false or n.read_at is null) and (:after = 0 or n.id < :after)
                order by n.id desc limit :limit""", Tuple.class)
                .setParameter("u", userId).setParameter("unread", unreadOnly)
                .setParameter("after", after == null ? 0L : after.id()).setParameter("limit", size + 1));
        Paging.Slice<Row> slice = Paging.slice(rows, size);
        List<Item> items = render(slice.items());
        String next = slice.more() ? new Cursor('n', items.get(size - 1).createdAt(), items.get(size - 1).id()).encode() : null;
        return new Page(items, unread(userId), next);
    }

    private List<Item> render(List<Row> slice) {
        Map<Long, CommentStore.NoticeRow> notified = comments.noticeRows(
                slice.stream().map(r -> r.number("comment_id")).distinct().toList());
        Map<String, Article> titled = articles.byIds(notified.values().stream().map(CommentStore.NoticeRow::articleId).toList());
        Map<Long, User> authors = User.byIds(notified.values().stream().map(CommentStore.NoticeRow::authorId)
                .filter(Objects::nonNull).distinct().toList());
        List<Item> items = new ArrayList<>();
        for (Row r : slice) {
            CommentStore.NoticeRow c = notified.get(r.number("comment_id"));
            String kind = r.text("kind");
            // Someone else's reply is shown only while it is public now; the reader's own comment as it stands.
            boolean othersReply = kind.equals("reply");
            boolean shown = othersReply ? c.isPublic() : c.status() != CommentStatus.DELETED;
            Article a = titled.get(c.articleId());
            User from = othersReply && c.isPublic() && c.authorId() != null ? authors.get(c.authorId()) : null;
            items.add(new Item(r.number("id"), kind, r.instant("created_at"), r.flag("read"),
                    new CommentRef(c.id(), c.articleId(), a == null ? null : a.title, a == null ? null : a.url,
                            othersReply && !c.isPublic() ? "removed" : c.status().wire(), shown ? excerpt(c.body()) : null),
                    from == null ? null : from.displayName));
        }
        return items;
    }

    private static String excerpt(String body) {
        return body.codePointCount(0, body.length()) <= EXCERPT ? body : body.substring(0, body.offsetByCodePoints(0, EXCERPT));
    }

    @Transactional
    public ReadResult markRead(long userId, ReadRequest request) {
        boolean all = Boolean.TRUE.equals(request.all());
        List<Long> ids = request.ids() == null ? List.of() : request.ids();
        if (all == !ids.isEmpty() || ids.size() > MAX_PAGE || ids.stream().anyMatch(Objects::isNull)) {
            throw ProblemException.invalid("ids", "send either \"all\": true or 1 to " + MAX_PAGE + " notification ids");
        }
        var update = Panache.getEntityManager().createNativeQuery(
                        "update notifications set read_at = now() where user_id = :u and read_at is null"
                                + (all ? "" : " and id in (:ids)"))
                .setParameter("u", userId);
        int marked = (all ? update : update.setParameter("ids", ids)).executeUpdate();
        return new ReadResult(marked, unread(userId));
    }

    public static long unread(long userId) {
        return ((Number) Panache.getEntityManager().createNativeQuery(
                        "select count(*) from notifications where user_id = :u and read_at is null")
                .setParameter("u", userId).getSingleResult()).longValue();
    }

    /** Erasure: the reader's notifications go. */
    public static void forget(long userId) {
        Panache.getEntityManager().createNativeQuery("delete from notifications where user_id = :u")
                .setParameter("u", userId).executeUpdate();
    }
}
