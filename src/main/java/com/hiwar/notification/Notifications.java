package com.hiwar.notification;

import com.hiwar.comment.CommentChanged;
import com.hiwar.db.Cursor;
import com.hiwar.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

import static com.hiwar.db.Rows.instant;

/**
 * What a reader is told: a reply to one of their comments was published, or a moderator
 * approved or rejected one of theirs. Written in the transaction that caused it, so none is
 * lost or invented; a unique key makes a repeated event harmless.
 */
@ApplicationScoped
public class Notifications {

    static final int EXCERPT = 140;
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
            Panache.getEntityManager().createNativeQuery("""
                    insert into notifications (user_id, kind, comment_id)
                    select p.author_id, 'reply', :reply from comments p
                    where p.id = :parent and p.author_id is not null and p.author_id is distinct from :author
                    on conflict do nothing""")
                    .setParameter("reply", e.id()).setParameter("parent", e.parentId())
                    .setParameter("author", e.authorId()).executeUpdate();
        }
        String kind = "approve".equals(e.decision()) && e.appeared() ? "approved"
                : "reject".equals(e.decision()) ? "rejected" : null;
        if (kind != null && e.authorId() != null) {
            Panache.getEntityManager().createNativeQuery("""
                    insert into notifications (user_id, kind, comment_id) values (:u, :k, :c) on conflict do nothing""")
                    .setParameter("u", e.authorId()).setParameter("k", kind).setParameter("c", e.id()).executeUpdate();
        }
    }

    /** Every notification of the reader, for the data export. */
    @Transactional
    public Page all(long userId) {
        return page(userId, false, Integer.MAX_VALUE - 1, null);
    }

    @Transactional
    public Page list(long userId, boolean unreadOnly, Integer limit, String cursor) {
        int size = limit == null ? 20 : limit;
        if (size < 1 || size > MAX_PAGE) {
            throw ProblemException.badParameter("limit", "must be between 1 and " + MAX_PAGE);
        }
        return page(userId, unreadOnly, size, Cursor.decode(cursor, 'n'));
    }

    private Page page(long userId, boolean unreadOnly, int size, Cursor after) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                select n.id, n.kind, n.created_at, n.read_at is not null, c.id, c.article_id, a.title, a.url,
                       case when shown.others_reply and not shown.public then 'removed' else c.status end,
                       case when shown.others_reply then case when shown.public then left(c.body, :excerpt) end
                            when c.status in ('published', 'pending', 'rejected') then left(c.body, :excerpt) end,
                       case when shown.others_reply and shown.public then u.display_name end
                from notifications n
                join comments c on c.id = n.comment_id
                cross join lateral (select n.kind = 'reply' as others_reply,
                                           comment_is_public(c.status, c.hidden) as public) shown
                join articles a on a.id = c.article_id
                left join users u on u.id = c.author_id
                where n.user_id = :u and (:unread = false or n.read_at is null) and (:after = 0 or n.id < :after)
                order by n.id desc limit :limit""")
                .setParameter("u", userId).setParameter("unread", unreadOnly).setParameter("excerpt", EXCERPT)
                .setParameter("after", after == null ? 0L : after.id()).setParameter("limit", size + 1)
                .getResultList();
        List<Item> items = rows.stream().limit(size).map(r -> new Item(((Number) r[0]).longValue(), (String) r[1],
                instant(r[2]), (Boolean) r[3],
                new CommentRef(((Number) r[4]).longValue(), (String) r[5], (String) r[6], (String) r[7], (String) r[8],
                        (String) r[9]), (String) r[10])).toList();
        String next = rows.size() > size ? new Cursor('n', items.get(size - 1).createdAt(), items.get(size - 1).id()).encode() : null;
        return new Page(items, unread(userId), next);
    }

    @Transactional
    public ReadResult markRead(long userId, ReadRequest request) {
        boolean all = Boolean.TRUE.equals(request.all());
        List<Long> ids = request.ids() == null ? List.of() : request.ids();
        if (all == !ids.isEmpty() || ids.size() > MAX_PAGE || ids.stream().anyMatch(java.util.Objects::isNull)) {
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

}
