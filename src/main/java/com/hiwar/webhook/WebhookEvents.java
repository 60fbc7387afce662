package com.hiwar.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hiwar.article.ArticleStateChanged;
import com.hiwar.auth.BanChanged;
import com.hiwar.auth.User;
import com.hiwar.comment.CommentChanged;
import com.hiwar.comment.CommentStatus;
import com.hiwar.moderation.surge.SurgeChanged;
import com.hiwar.comment.CommentStore;
import com.hiwar.moderation.learning.ModelPromoted;
import com.hiwar.report.CommentReported;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The outbox's write side: turns changes into webhook events inside the transaction that made
 * them, so an event exists exactly when its change committed. An event nobody subscribed to is
 * not built at all. Each event is written once, with one delivery row per endpoint that wants
 * its type at that moment; the body written here is the exact body every endpoint receives.
 *
 * <p>Bodies are versioned ({@code "version": 1}): {@code {"type", "timestamp", "version", "data"}}.
 */
@ApplicationScoped
class WebhookEvents {

    static final int VERSION = 1;

    @Inject
    Subscribers subscribers;

    @Inject
    CommentStore comments;

    @Inject
    ObjectMapper json;

    @Inject
    jakarta.enterprise.event.Event<Deliveries.Due> due;

    void onComment(@Observes CommentChanged e) {
        List<String> types = new ArrayList<>(2);
        switch (e.change()) {
            case CREATED -> {
                types.add("comment.created");
                types.add(statusType(e.status()));
            }
            case EDITED -> {
                types.add("comment.edited");
                if (e.status() != e.statusBefore()) {
                    types.add(statusType(e.status()));
                }
            }
            case DELETED, ERASED -> types.add("comment.deleted");
            case DECIDED -> {
                if (e.status() != e.statusBefore() || e.appeared()) {
                    types.add(statusType(e.status()));
                }
            }
            case HIDDEN -> types.add("comment.hidden");
        }
        types.removeIf(t -> t == null || !subscribers.anyFor(t));
        if (types.isEmpty()) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("comment", comment(e.id()));
        if (e.decision() != null) {
            data.put("decision", Map.of("action", e.decision(), "moderator", e.actor() == null ? "system" : e.actor()));
        }
        types.forEach(type -> write(type, data));
    }

    void onReport(@Observes CommentReported e) {
        if (subscribers.anyFor("comment.reported")) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("comment", comment(e.commentId()));
            data.put("report", Map.of("reason", e.reason(), "weight", e.weight()));
            write("comment.reported", data);
        }
    }

    void onBan(@Observes BanChanged e) {
        String type = e.banned() ? "user.banned" : "user.unbanned";
        if (subscribers.anyFor(type)) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("user", Map.of("id", e.userId(), "name", User.namesOf(Set.of(e.userId())).getOrDefault(e.userId(), "")));
            data.put("moderator", e.moderator());
            if (e.banned()) {
                data.put("until", e.until() == null ? "permanent" : e.until().toString());
                if (e.reason() != null) {
                    data.put("reason", e.reason());
                }
            }
            write(type, data);
        }
    }

    void onModel(@Observes ModelPromoted e) {
        if (subscribers.anyFor("model.promoted")) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("version", e.version());
            model.put("by", e.by());
            model.put("trained", e.trained());
            model.put("reason", e.reason());
            write("model.promoted", Map.of("model", model));
        }
    }

    void onArticle(@Observes ArticleStateChanged e) {
        if (!e.open() && subscribers.anyFor("article.closed")) {
            write("article.closed", Map.of("article", Map.of("id", e.articleId())));
        }
    }

    /** The surge autopilot moved an article (or a moderator's pin did): what readers now see, and why. */
    void onSurge(@Observes SurgeChanged e) {
        if (subscribers.anyFor("article.surge")) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("article", Map.of("id", e.articleId()));
            data.put("from", e.from());
            data.put("to", e.to());
            data.put("trigger", e.trigger());
            data.put("figures", e.figures());
            write("article.surge", data);
        }
    }

    private static String statusType(CommentStatus status) {
        return switch (status) {
            case PUBLISHED -> "comment.published";
            case PENDING -> "comment.held";
            case REJECTED -> "comment.rejected";
            case DELETED -> "comment.deleted";
        };
    }

    /** The comment as it stands now; the author as id and display name (never the login's subject). */
    private Map<String, Object> comment(long id) {
        Map<String, Object> c = new LinkedHashMap<>();
        comments.eventRow(id).ifPresent(r -> {
            c.put("id", r.id());
            c.put("articleId", r.articleId());
            c.put("parentId", r.parentId());
            c.put("status", r.status().wire());
            c.put("hidden", r.hidden());
            c.put("version", r.version());
            c.put("body", r.body());
            c.put("createdAt", r.createdAt());
            c.put("editedAt", r.editedAt());
            c.put("rules", r.rules());
            c.put("author", r.authorId() == null ? null
                    : Map.of("id", r.authorId(), "name", User.namesOf(Set.of(r.authorId())).getOrDefault(r.authorId(), "")));
        });
        return c;
    }

    private void write(String type, Map<String, ?> data) {
        write(type, data, "msg_" + UUID.randomUUID().toString().replace("-", ""));
    }

    /**
     * One event, and a delivery for every enabled endpoint that wants its type, decided by the
     * database now. An id already written writes nothing (what several instances may see at
     * once names its event alike). Returns the deliveries written.
     */
    int write(String type, Map<String, ?> data, String id) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("timestamp", Instant.now().truncatedTo(ChronoUnit.MICROS).toString());
        body.put("version", VERSION);
        body.put("data", data);
        String payload;
        try {
            payload = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        int deliveries = Panache.getEntityManager().createNativeQuery("""
                with event as (
                    insert into webhook_events (id, type, payload)
                    select :id, :type, :payload
                    where exists (select 1 from webhook_endpoints where enabled and cast(:type as text) = any(event_types))
                    on conflict (id) do nothing
                    returning id)
                insert into webhook_deliveries (event_id, endpoint_id)
                select event.id, w.id from event cross join webhook_endpoints w
                where w.enabled and cast(:type as text) = any(w.event_types)""")
                .setParameter("id", id)
                .setParameter("type", type)
                .setParameter("payload", payload)
                .executeUpdate();
        if (deliveries > 0) {
            due.fire(new Deliveries.Due());
        }
        return deliveries;
    }
}
