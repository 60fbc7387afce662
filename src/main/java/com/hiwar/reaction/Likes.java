package com.hiwar.reaction;

import com.hiwar.auth.Actor;
import com.hiwar.comment.Comment;
import com.hiwar.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Likes. The (comment, reader) primary key makes liking idempotent; the count on the comment
 * moves only when a row was really added or removed, in the same transaction, so it never drifts.
 */
@ApplicationScoped
public class Likes {

    public record LikeState(long commentId, boolean liked, int likes) {}

    @Inject
    Event<LikesChanged> changes;

    @Transactional
    public LikeState set(Actor actor, long commentId, boolean like) {
        Comment c = Comment.<Comment>findByIdOptional(commentId)
                .filter(x -> x.isVisibleTo(actor.userId()))
                .orElseThrow(() -> ProblemException.notFound("Comment", commentId));
        if (like) {
            if (c.authorId != null && c.authorId == actor.userId()) {
                throw ProblemException.forbidden("own-comment", "Your own comment", "You cannot like your own comment");
            }
            if (!c.isPublic()) {
                throw ProblemException.conflict("not-likeable", "Cannot like", "Only published comments can be liked");
            }
        }
        var em = Panache.getEntityManager();
        int changed = em.createNativeQuery(like
                        ? "insert into comment_likes (comment_id, user_id) values (:c, :u) on conflict do nothing"
                        : "delete from comment_likes where comment_id = :c and user_id = :u")
                .setParameter("c", commentId).setParameter("u", actor.userId()).executeUpdate();
        int likes;
        if (changed == 1) {
            likes = ((Number) em.createNativeQuery(
                            "update comments set like_count = like_count + :d where id = :c returning like_count")
                    .setParameter("d", like ? 1 : -1).setParameter("c", commentId).getSingleResult()).intValue();
            changes.fire(new LikesChanged(c.articleId, commentId, likes, c.isPublic()));
        } else {
            likes = ((Number) em.createNativeQuery("select like_count from comments where id = :c")
                    .setParameter("c", commentId).getSingleResult()).intValue();
        }
        return new LikeState(commentId, like, likes);
    }
}
