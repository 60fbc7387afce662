package com.hiwar.reaction;

import com.hiwar.auth.Actor;
import com.hiwar.comment.CommentStore;
import com.hiwar.comment.ImportedComments;
import com.hiwar.comment.LikesOf;
import com.hiwar.db.Jdbc;
import com.hiwar.db.Row;
import com.hiwar.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.hiwar.db.Rows.count;
import static com.hiwar.db.Rows.instant;

/**
 * Likes. The (comment, reader) primary key makes liking idempotent; the count on the comment
 * moves only when a row was really added or removed, in the same transaction, so it never drifts.
 */
@ApplicationScoped
public class Likes implements LikesOf {

    public record LikeState(long commentId, boolean liked, int likes) {}

    /** A like as its giver finds it in their data export. */
    public record Given(long commentId, Instant createdAt) {}

    @Inject
    Event<LikesChanged> changes;

    @Inject
    CommentStore comments;

    @Inject
    ImportedComments imported;

    @Transactional
    public LikeState set(Actor actor, long commentId, boolean like) {
        CommentStore.CommentRef c = comments.visible(commentId, actor.userId(), false);
        if (like) {
            if (c.authorId() != null && c.authorId() == actor.userId()) {
                throw ProblemException.forbidden("own-comment", "Your own comment", "You cannot like your own comment");
            }
            if (!c.isPublic()) {
                throw ProblemException.conflict("not-likeable", "Cannot like", "Only published comments can be liked");
            }
        }
        int changed = Panache.getEntityManager().createNativeQuery(like
                        ? "insert into comment_likes (comment_id, user_id) values (:c, :u) on conflict do nothing"
                        : "delete from comment_likes where comment_id = :c and user_id = :u")
                .setParameter("c", commentId).setParameter("u", actor.userId()).executeUpdate();
        int likes;
        if (changed == 1) {
            likes = comments.addLikes(commentId, like ? 1 : -1);
            changes.fire(new LikesChanged(c.articleId(), commentId, likes, c.isPublic()));
        } else {
            likes = comments.likeCount(commentId);
        }
        return new LikeState(commentId, like, likes);
    }

    /** Every like as one JSON line of the site's export, by comment (streamed; in a transaction). */
    public static long exportLines(java.util.function.Consumer<String> line) {
        return Jdbc.lines("""
                select json_build_object('type', 'like', 'commentId', comment_id, 'userId', user_id, 'createdAt', created_at)::text
                from comment_likes order by comment_id, user_id""", line);
    }

    /** A like as a Hiwar export has it: the comment by its export key, the reader by subject. */
    public record Restored(String commentKey, String subject, Instant createdAt) {}

    /**
     * Likes of a restore, counted on their comments: one a reader already gave is left as it
     * is, and a like of a comment or reader not here is dropped. How many were new.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int restored(List<Restored> likes) {
        Map<String, Long> commentIds = imported.idsOfKeys(likes.stream().map(Restored::commentKey).collect(java.util.stream.Collectors.toSet()));
        Map<String, Long> userIds = com.hiwar.auth.User.idsOfSubjects(likes.stream().map(Restored::subject).collect(java.util.stream.Collectors.toSet()));
        List<Restored> known = likes.stream().filter(l -> commentIds.containsKey(l.commentKey()) && userIds.containsKey(l.subject())).toList();
        if (known.isEmpty()) {
            return 0;
        }
        Map<Long, Integer> added = new java.util.HashMap<>();
        Jdbc.list("""
                insert into comment_likes (comment_id, user_id, created_at)
                select * from unnest(?::bigint[], ?::bigint[], ?::timestamptz[]) on conflict do nothing returning comment_id""", s -> {
            s.setArray(1, Jdbc.ids(s, known.stream().map(l -> commentIds.get(l.commentKey())).toList()));
            s.setArray(2, Jdbc.ids(s, known.stream().map(l -> userIds.get(l.subject())).toList()));
            s.setArray(3, s.getConnection().createArrayOf("timestamptz", known.stream()
                    .map(l -> java.sql.Timestamp.from(l.createdAt() == null ? Instant.now() : l.createdAt())).toArray()));
        }, r -> added.merge(r.getLong(1), 1, Integer::sum));
        imported.addRestoredLikes(added);
        return added.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public Set<Long> likedBy(long viewer, Collection<Long> commentIds) {
        Jdbc.Companion query = likedBySql(viewer, commentIds);
        return new HashSet<>(Jdbc.list(query.sql(), s -> query.bind(s, 1), r -> r.getLong(1)));
    }

    @Override
    public Jdbc.Companion likedBySql(long viewer, Collection<Long> commentIds) {
        return new Jdbc.Companion() {
            public String sql() {
                return "select comment_id from comment_likes where user_id = ? and comment_id = any(?)";
            }

            public void bind(java.sql.PreparedStatement s, int first) throws java.sql.SQLException {
                s.setLong(first, viewer);
                s.setArray(first + 1, Jdbc.ids(s, commentIds));
            }
        };
    }

    public List<Given> givenBy(long userId) {
        return Row.all(Panache.getEntityManager().createNativeQuery(
                "select comment_id, created_at from comment_likes where user_id = :u order by created_at", Tuple.class)
                .setParameter("u", userId)).stream().map(r -> new Given(r.number("comment_id"), r.instant("created_at"))).toList();
    }

    public long countGivenBy(long userId) {
        return count(Panache.getEntityManager().createNativeQuery("select count(*) from comment_likes where user_id = :u")
                .setParameter("u", userId).getSingleResult());
    }

    /** Erasure: takes back up to {@code n} of the reader's likes; false once none is left. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean takeBackBatch(long userId, int n) {
        @SuppressWarnings("unchecked")
        List<Number> liked = Panache.getEntityManager().createNativeQuery("""
                delete from comment_likes where user_id = :u and comment_id in (
                    select comment_id from comment_likes where user_id = :u limit :n)
                returning comment_id""").setParameter("u", userId).setParameter("n", n).getResultList();
        if (liked.isEmpty()) {
            return false;
        }
        comments.takeBackLikes(liked.stream().map(Number::longValue).toList());
        return true;
    }
}
