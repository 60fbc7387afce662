package com.hiwar.reaction;

import com.hiwar.auth.Actor;
import com.hiwar.auth.CurrentUser;
import com.hiwar.idempotency.Idempotency;
import com.hiwar.idempotency.Writes;
import com.hiwar.reaction.Likes.LikeState;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

/** PUT likes, DELETE takes the like back; both are idempotent and answer the new state. */
@Path("/api/v1/comments/{id}/like")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Likes")
public class LikeResource {

    @Inject
    Likes likes;

    @Inject
    CurrentUser currentUser;

    @Inject
    Writes writes;

    @PUT
    @Authenticated
    @APIResponse(responseCode = "200", description = "Liked (also when it already was), with the new count",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LikeState.class)))
    @APIResponse(responseCode = "403", description = "Your own comment")
    @APIResponse(responseCode = "404", description = "No such comment, or not visible to you")
    @APIResponse(responseCode = "409", description = "Not published (pending or deleted)")
    @APIResponse(responseCode = "429", description = "Rate limited")
    public Response like(@RestPath long id, @RestHeader(Idempotency.HEADER) String idempotencyKey) {
        return set(id, idempotencyKey, true);
    }

    @DELETE
    @Authenticated
    @APIResponse(responseCode = "200", description = "Not liked (also when it was not), with the new count",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LikeState.class)))
    @APIResponse(responseCode = "404", description = "No such comment, or not visible to you")
    @APIResponse(responseCode = "429", description = "Rate limited")
    public Response unlike(@RestPath long id, @RestHeader(Idempotency.HEADER) String idempotencyKey) {
        return set(id, idempotencyKey, false);
    }

    private Response set(long id, String idempotencyKey, boolean like) {
        Actor actor = currentUser.requireActive();
        return writes.run(actor, "comment-like", null, idempotencyKey, (like ? "like " : "unlike ") + id,
                null, () -> Idempotency.Result.ok(likes.set(actor, id, like)));
    }
}
