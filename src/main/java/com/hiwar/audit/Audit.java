package com.hiwar.audit;

import com.hiwar.db.Jdbc;
import io.quarkus.hibernate.orm.panache.Panache;
import io.vertx.core.json.Json;
import java.util.List;
import java.util.Map;

/**
 * The audit log's write side. Comment status changes are logged by a database trigger, which
 * reads the actor, action and reason this transaction declared with {@link #actAs}; other
 * actions (bans, trust, article settings, features) are logged with {@link #record}.
 */
public final class Audit {

    private Audit() {}

    public static void actAs(String actor, String action, String reason) {
        // Runs at once on the transaction's connection: the triggers of later writes read it.
        Jdbc.list("""
                select set_config('hiwar.actor', ?, true), set_config('hiwar.action', ?, true),
                       set_config('hiwar.reason', ?, true)""", s -> {
            s.setString(1, actor);
            s.setString(2, action);
            s.setString(3, reason == null ? "" : reason);
        }, r -> 1);
    }

    public static void record(String actor, String action, Long commentId, Long userId, String articleId,
                              String reason, Map<String, Object> details) {
        Panache.getEntityManager().createNativeQuery("""
                insert into moderation_audit (actor, action, comment_id, user_id, article_id, reason, details)
                values (:actor, :action, :comment, :user, :article, :reason, cast(:details as jsonb))""")
                .setParameter("actor", actor)
                .setParameter("action", action)
                .setParameter("comment", commentId)
                .setParameter("user", userId)
                .setParameter("article", articleId)
                .setParameter("reason", reason)
                .setParameter("details", Json.encode(details))
                .executeUpdate();
    }

    /** The status a comment had before the last moderator's change that left it at {@code now}, or null. */
    public static String lastModeratorStatusBefore(long commentId, String now) {
        @SuppressWarnings("unchecked")
        List<String> rows = Panache.getEntityManager().createNativeQuery("""
                select status_before from moderation_audit
                where comment_id = :id and actor <> 'system' and status_before is not null and status_after = :now
                order by id desc limit 1""")
                .setParameter("id", commentId).setParameter("now", now).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The whole audit log as JSON lines of the site's export, oldest first (streamed; in a transaction). */
    public static long exportLines(java.util.function.Consumer<String> line) {
        return Jdbc.lines("""
                select json_build_object('type', 'audit', 'at', at, 'actor', actor, 'action', action, 'commentId', comment_id,
                       'userId', user_id, 'articleId', article_id, 'statusBefore', status_before, 'statusAfter', status_after,
                       'reason', reason, 'details', details)::text
                from moderation_audit order by id""", line);
    }

    /** Erasure: where a login names someone as an actor, a pseudonym takes its place. */
    public static void pseudonymize(String subject, String pseudonym) {
        Panache.getEntityManager().createNativeQuery("update moderation_audit set actor = :p where actor = :s")
                .setParameter("p", pseudonym).setParameter("s", subject).executeUpdate();
    }
}
