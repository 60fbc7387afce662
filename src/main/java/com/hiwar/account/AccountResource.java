package com.hiwar.account;

import com.hiwar.account.Accounts.Export;
import com.hiwar.account.Accounts.Profile;
import com.hiwar.auth.Actor;
import com.hiwar.auth.CurrentUser;
import com.hiwar.comment.CommentPage;
import com.hiwar.comment.CommentService;
import com.hiwar.idempotency.Idempotency;
import com.hiwar.idempotency.Writes;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

/** The signed-in reader's own data. Banned readers keep access to it, and may erase it. */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "My data")
public class AccountResource {

    @Inject
    CurrentUser currentUser;

    @Inject
    Writes writes;

    @Inject
    Accounts accounts;

    @Inject
    CommentService comments;

    @Inject
    Erasure erasure;


    @GET
    @Authenticated
    @APIResponse(responseCode = "200", description = "Profile, counts, unread notifications, and the erasure request if any")
    public Profile me() {
        return accounts.profile(currentUser.requireSignedIn().userId());
    }

    @GET
    @Path("comments")
    @Authenticated
    @APIResponse(responseCode = "200", description = "My comments in every status, newest first")
    public CommentPage myComments(@RestQuery Integer limit, @RestQuery String cursor) {
        return comments.byAuthor(currentUser.requireSignedIn().userId(), limit, cursor);
    }

    @GET
    @Path("export")
    @Authenticated
    @APIResponse(responseCode = "200", description = "All my data as one JSON document",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Export.class)))
    @APIResponse(responseCode = "429", description = "Exports are limited to a few an hour")
    public Response export() {
        Actor actor = currentUser.requireSignedIn();
        writes.limit(actor, "account-export");
        return Response.ok(accounts.export(actor.userId()))
                .header("Content-Disposition", "attachment; filename=\"hiwar-my-data.json\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    @DELETE
    @Authenticated
    @APIResponse(responseCode = "202", description = "Erasure accepted: the account is frozen now and erased shortly, even across restarts. Repeating it is harmless")
    public Response erase(@RestHeader(Idempotency.HEADER) String idempotencyKey) {
        Actor actor = currentUser.requireSignedIn();
        return writes.run(actor, "account-erase", null, idempotencyKey, "erase-account", null,
                () -> Idempotency.Result.accepted("/api/v1/me", erasure.request(actor.userId())));
    }
}
