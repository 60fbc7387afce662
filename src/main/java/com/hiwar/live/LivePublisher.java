package com.hiwar.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hiwar.article.ArticleStateChanged;
import com.hiwar.comment.CommentChanged;
import com.hiwar.comment.CommentStore;
import com.hiwar.comment.CommentView;
import com.hiwar.moderation.surge.SurgeChanged;
import com.hiwar.reaction.LikesChanged;
import com.hiwar.redis.RedisScript;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Instant;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Turns committed changes into live events. Only public content is ever published: a comment
 * appears when it becomes visible to everyone and is removed when it stops being so. Events
 * go out after the commit, without holding the writer's request; a Redis failure loses the
 * event (counted and logged) but never the write.
 */
@ApplicationScoped
class LivePublisher {

    private static final Logger LOG = Logger.getLogger(LivePublisher.class);

    record Removed(long id, Long parentId) {}

    record Likes(long id, int likes) {}

    /** What the history keeps of a comment event. */
    record CommentRef(long id) {}

    record ArticleState(boolean open, Instant closesAt) {}

    private static final RedisScript PUBLISH = RedisScript.load("live/publish.lua");

    @Inject
    ReactiveRedisDataSource redis;

    @Inject
    LiveConfig config;

    @Inject
    CommentStore comments;

    @Inject
    LiveSubscriptions subscriptions;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry metrics;

    @Inject
    Vertx vertx;

    @Inject
    ManagedExecutor executor;

    void onComment(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentChanged e) {
        if (e.appeared()) {
            publish(e.articleId(), "comment", e.publicView());
        } else if (e.disappeared()) {
            publish(e.articleId(), "comment-removed", new Removed(e.id(), e.parentId()));
        } else if (e.isPublic()) {
            publish(e.articleId(), "comment-updated", e.publicView());
        }
    }

    void onReannounced(@Observes com.hiwar.comment.CommentReannounced r) {
        onComment(r.change());
    }

    /** Imported comments reach pages and counts on every instance by the announcement alone: readers get no event for old news. */
    void onImported(@Observes(during = TransactionPhase.AFTER_SUCCESS) com.hiwar.comment.CommentsImported e) {
        e.articleIds().forEach(a -> redis.execute("PUBLISH", config.channel(), a).subscribe().with(ok -> { }, this::failed));
    }

    /** A busy article's step, for the widget's notice: slow, held, closed, or normal again. */
    record Pace(String step, long waitSeconds) {}

    void onSurge(@Observes(during = TransactionPhase.AFTER_SUCCESS) SurgeChanged e) {
        if (!e.overtaken()) {
            publish(e.articleId(), "pace", new Pace(e.to(), e.waitSeconds()));
        }
    }

    void onArticle(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleStateChanged e) {
        publish(e.articleId(), "article", new ArticleState(e.open(), e.closesAt()));
    }

    /**
     * Like counts are coalesced across instances: the first change in a window is published at
     * once and holds a gate in Redis; changes inside the window only mark the comment dirty,
     * and the gate holder publishes the count as it stands when the window ends.
     */
    void onLikes(@Observes(during = TransactionPhase.AFTER_SUCCESS) LikesChanged e) {
        if (!e.commentPublic()) {
            return;
        }
        long window = config.likeCoalesce().toMillis();
        redis.execute("SET", gate(e.commentId()), "1", "NX", "PX", Long.toString(window))
                .subscribe().with(r -> {
                    if (r != null && "OK".equals(r.toString())) {
                        publish(e.articleId(), "likes", new Likes(e.commentId(), e.likes()));
                        trailingLikes(e.commentId(), window);
                    } else {
                        redis.execute("SET", dirty(e.commentId()), "1", "PX", Long.toString(window * 5))
                                .subscribe().with(ok -> { }, this::failed);
                    }
                }, this::failed);
    }

    private void trailingLikes(long commentId, long window) {
        vertx.setTimer(window, t -> redis.execute("GETDEL", dirty(commentId)).subscribe().with(r -> {
            if (r != null) {
                executor.execute(() -> {
                    QuarkusTransaction.requiringNew().call(() -> comments.likeState(commentId))
                            .filter(CommentStore.LikeState::isPublic)
                            .ifPresent(state -> publish(state.articleId(), "likes", new Likes(commentId, state.likes())));
                    redis.execute("SET", gate(commentId), "1", "PX", Long.toString(window))
                            .subscribe().with(ok -> trailingLikes(commentId, window), this::failed);
                });
            }
        }, this::failed));
    }

    void publish(String articleId, String type, Object data) {
        String payload;
        String kept;
        try {
            payload = json.writeValueAsString(data);
            // A comment's text and author may stop being public (rejected, hidden, edited, erased):
            // the history keeps its id only, and a replay reads what is public then.
            kept = data instanceof CommentView view ? json.writeValueAsString(new CommentRef(view.id())) : payload;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        PUBLISH.run(redis, "1", LiveHub.streamKey(articleId),
                        Integer.toString(config.history()), Long.toString(config.historyTtl().toMillis()),
                        config.channel(), articleId, type, payload, kept,
                        subscriptions.articleChannel(articleId), subscriptions.publishCommand())
                .subscribe().with(id -> metrics.counter("hiwar.live.published", "type", type).increment(), this::failed);
    }

    private void failed(Throwable e) {
        metrics.counter("hiwar.live.publish.failures").increment();
        LOG.warnf("A live event was not published (%s); connected readers will catch up on their next reconnect or refetch",
                e.toString());
    }

    private static String gate(long commentId) {
        return "live:likes-gate:" + commentId;
    }

    private static String dirty(long commentId) {
        return "live:likes-dirty:" + commentId;
    }
}
