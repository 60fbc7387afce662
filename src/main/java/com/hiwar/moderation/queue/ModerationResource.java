package com.hiwar.moderation.queue;

import com.hiwar.audit.AuditLog;
import com.hiwar.auth.ActiveAccount;
import com.hiwar.auth.Actor;
import com.hiwar.auth.CurrentUser;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.hiwar.comment.CommentStore;
import com.hiwar.moderation.ModelFeedback;
import com.hiwar.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The moderator dashboard API for queues, decisions and stats. Moderators and admins only; every action is audited. */
@Path("/api/v1/moderation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Moderation")
@RolesAllowed({Actor.MODERATOR, Actor.ADMIN})
@ActiveAccount
public class ModerationResource {

    public record Bulk(List<ModeratorActions.DecisionRequest> items) {}

    @Inject
    ModerationQueue queue;

    @Inject
    ModeratorActions actions;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser currentUser;

    @Inject
    CommentStore comments;

    @Inject
    ModelFeedback feedback;

    @GET
    @Path("queues/{queue}")
    @Operation(summary = "A queue page: pending, reported, rejected, approved or all; oldest first unless order=newest")
    public QueueItem.Page queue(@RestPath String queue, @RestQuery String articleId, @RestQuery Long authorId,
                                @RestQuery String rule, @RestQuery String q, @RestQuery Instant from, @RestQuery Instant to,
                                @RestQuery String order, @RestQuery String cursor, @RestQuery Integer limit) {
        CommentStore.queuePredicate(queue);
        return this.queue.page(queue, new ModerationQueue.Filter(articleId, authorId, rule, q, from, to,
                currentUser.requireActive().deskScope()), order, cursor, limit);
    }

    @GET
    @Path("counts")
    @Operation(summary = "Exact size of every queue")
    public Map<String, Long> counts() {
        return queue.counts(currentUser.requireActive().deskScope());
    }

    @POST
    @Path("queues/{queue}/claim")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Claim the next batch of a queue under a lease; parallel moderators get disjoint batches")
    public List<QueueItem> claim(@RestPath String queue, @RestQuery String articleId, @RestQuery Integer limit) {
        CommentStore.queuePredicate(queue);
        Actor moderator = currentUser.requireActive();
        return this.queue.claim(queue, articleId, moderator.deskScope(), moderator.subject(), limit);
    }

    @POST
    @Path("comments/{id}/decision")
    @Operation(summary = "approve, reject (with reason), feature, unfeature or restore, on the version you saw")
    public QueueItem decide(@RestPath long id, @NotNull ModeratorActions.DecisionRequest request) {
        return actions.decide(id, request, currentUser.requireActive());
    }

    @POST
    @Path("decisions")
    @Operation(summary = "Up to 100 decisions, each applied on its own; one result per item")
    public List<ModeratorActions.BulkResult> decideAll(@NotNull Bulk bulk) {
        return actions.decideAll(bulk.items(), currentUser.requireActive());
    }

    @GET
    @Path("stats")
    @Operation(summary = "Queue sizes, oldest pending age, decisions per moderator per day, median time to decision,"
            + " and how often the model agreed with moderators over the last days (default 30)")
    public Stats stats(@RestQuery Integer days) {
        int window = days == null ? 30 : days;
        if (window < 1 || window > 365) {
            throw ProblemException.invalid("days", "must be 1 to 365");
        }
        return new Stats(audit.stats(queue.counts(currentUser.requireActive().deskScope()), comments.oldestPendingSeconds()),
                feedback.agreement(window));
    }

    /** The queue's figures, and the model's agreement with moderators (its drift). */
    public record Stats(@JsonUnwrapped AuditLog.Stats queue, ModelFeedback.Agreement model) {}
}
