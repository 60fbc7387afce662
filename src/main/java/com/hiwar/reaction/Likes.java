package com.hiwar.reaction;

import com.hiwar.auth.Actor;
import com.hiwar.comment.CommentStore;
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

    @Override
    public Set<Long> likedBy(long viewer, Collection<Long> commentIds) {
        return new HashSet<>(Jdbc.list("select comment_id from comment_likes where user_id = ? and comment_id = any(?)", s -> {
                    s.setLong(1, viewer);
                    s.setArray(2, Jdbc.ids(s, commentIds));
                }, r -> r.getLong(1)));
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
