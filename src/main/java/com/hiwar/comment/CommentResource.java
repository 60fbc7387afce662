package com.hiwar.comment;

import com.hiwar.auth.Actor;
import com.hiwar.auth.CurrentUser;
import com.hiwar.comment.CommentRequests.CommentEdit;
import com.hiwar.comment.CommentRequests.NewComment;
import com.hiwar.http.Conditional;
import com.hiwar.idempotency.Idempotency;
import com.hiwar.idempotency.Writes;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The reader comment API. Reads are public; writes need the publisher's token. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Comments")
public class CommentResource {

    @Inject
    CommentService comments;

    @Inject
    CurrentUser currentUser;

    @Inject
    Writes writes;


    @Inject
    Conditional conditional;

    @Inject
    PublicPages publicPages;


    @GET
    @Path("articles/{articleId}/comments")
    @PermitAll
    @KeptPageFilter.Bound
    @APIResponse(responseCode = "200", description = "One page of top-level comments with their first replies; an unknown article gives an empty page. "
            + "Carries an ETag; anonymous pages may be kept by shared caches (Surrogate-Key article:ID), signed-in readers get a private response",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommentPage.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "400", description = "Bad sort (newest, oldest, top), limit or cursor")
    public Response list(@RestPath String articleId, @RestQuery String sort, @RestQuery Integer limit,
                         @RestQuery String cursor, @Context HttpHeaders headers) {
        long viewer = viewer();
        if (viewer != CommentService.ANONYMOUS) {
            return cursor == null ? publicPages.firstPageFor(headers, articleId, sort, limit, viewer)
                    : conditional.ok(headers, comments.page(articleId, sort, limit, cursor, viewer, publicPages.keptState(articleId)), true);
        }
        return publicPages.response(headers, articleId, publicPages.page(articleId, sort, limit, cursor));
    }

    @GET
    @Path("comments/{id}")
    @PermitAll
    @APIResponse(responseCode = "200", description = "The comment with its first replies",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommentView.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such comment, or not visible to you")
    public Response get(@RestPath long id, @Context HttpHeaders headers) {
        long viewer = viewer();
        return conditional.ok(headers, comments.get(id, viewer), viewer != CommentService.ANONYMOUS);
    }

    @GET
    @Path("comments/{id}/replies")
    @PermitAll
    @APIResponse(responseCode = "200", description = "Direct replies, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommentPage.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such comment, or not visible to you")
    public Response replies(@RestPath long id, @RestQuery Integer limit, @RestQuery String cursor,
                            @Context HttpHeaders headers) {
        long viewer = viewer();
        return conditional.ok(headers, comments.replies(id, limit, cursor, viewer), viewer != CommentService.ANONYMOUS);
    }

    @POST
    @Path("articles/{articleId}/comments")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Stored; status says whether it is published or awaiting review. "
            + "A retry with the same Idempotency-Key replays this answer (header Idempotent-Replayed: true)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommentView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or Idempotency-Key")
    @APIResponse(responseCode = "409", description = "The article is closed, the parent was deleted, or a request with this Idempotency-Key is still running")
    @APIResponse(responseCode = "413", description = "Body too large")
    @APIResponse(responseCode = "429", description = "Rate limited; Retry-After says when to try again")
    @APIResponse(responseCode = "422", description = "Text refused (empty, too long, control characters, unpaired surrogates), or Idempotency-Key reused for another request")
    @APIResponse(responseCode = "503", description = "Rate limiter unreachable under the reject policy")
    public Response create(@RestPath String articleId,
                           @RestHeader(Idempotency.HEADER) @Parameter(description = "Makes retries safe: any unique string, e.g. a UUID, kept 24 h") String idempotencyKey,
                           @Valid @NotNull NewComment body) {
        Actor actor = currentUser.requireActive();
        Response response = writes.run(actor, "comment-create", articleId, idempotencyKey,
                "create-comment " + articleId, body, () -> {
            CommentView created = comments.create(actor, articleId, body);
            return Idempotency.Result.created("/api/v1/comments/" + created.id(), created);
        });
        if (response.getStatus() == 201 && Idempotency.replayed(response)) {
            String location = response.getLocation().getPath();
            comments.reannounce(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));
        }
        return response;
    }

    @PATCH
    @Path("comments/{id}")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The edited comment")
    @APIResponse(responseCode = "403", description = "Not the author, or the edit window has closed")
    @APIResponse(responseCode = "409", description = "Stale version, or the comment is deleted")
    public CommentView edit(@RestPath long id, @Valid @NotNull CommentEdit body) {
        Actor actor = currentUser.requireActive();
        writes.limit(actor, "comment-edit");
        return comments.edit(actor, id, body);
    }

    @DELETE
    @Path("comments/{id}")
    @Authenticated
    @ResponseStatus(204)
    @APIResponse(responseCode = "204", description = "Deleted (also when it already was)")
    @APIResponse(responseCode = "403", description = "Not the author")
    public void delete(@RestPath long id) {
        Actor actor = currentUser.requireActive();
        writes.limit(actor, "comment-delete");
        comments.delete(actor, id);
    }

    private long viewer() {
        return currentUser.viewerId().orElse(CommentService.ANONYMOUS);
    }

}
