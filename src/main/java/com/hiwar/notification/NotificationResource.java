package com.hiwar.notification;

import com.hiwar.auth.Actor;
import com.hiwar.auth.CurrentUser;
import com.hiwar.idempotency.Idempotency;
import com.hiwar.idempotency.Writes;
import com.hiwar.notification.Notifications.Page;
import com.hiwar.notification.Notifications.ReadRequest;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/v1/me/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "My data")
public class NotificationResource {

    @Inject
    Notifications notifications;

    @Inject
    CurrentUser currentUser;

    @Inject
    Writes writes;

    @GET
    @Authenticated
    @APIResponse(responseCode = "200", description = "Replies to my comments and decisions on them, newest first, with the unread count")
    public Page list(@RestQuery Boolean unread, @RestQuery Integer limit, @RestQuery String cursor) {
        Actor actor = currentUser.requireSignedIn();
        return notifications.list(actor.userId(), Boolean.TRUE.equals(unread), limit, cursor);
    }

    @POST
    @Path("read")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "How many were marked, and how many stay unread; repeating it is harmless")
    @APIResponse(responseCode = "422", description = "Neither ids nor all, or both")
    public Response markRead(@RestHeader(Idempotency.HEADER) String idempotencyKey, @NotNull ReadRequest body) {
        Actor actor = currentUser.requireSignedIn();
        return writes.run(actor, "notifications-read", null, idempotencyKey, "notifications-read", body,
                () -> Idempotency.Result.ok(notifications.markRead(actor.userId(), body)));
    }
}
