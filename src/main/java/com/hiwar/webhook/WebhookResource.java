package com.hiwar.webhook;

import com.hiwar.auth.ActiveAccount;
import com.hiwar.auth.Actor;
import com.hiwar.auth.CurrentUser;
import com.hiwar.idempotency.Idempotency;
import com.hiwar.idempotency.Writes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Admins' webhook endpoints, their secrets and their deliveries. */
@Path("/api/v1/admin/webhooks")
@Tag(name = "Admin")
@RolesAllowed(Actor.ADMIN)
@ActiveAccount
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    static final String LOCATION = "/api/v1/admin/webhooks/";

    @Inject
    Endpoints endpoints;

    @Inject
    DeliveryLog log;

    @Inject
    CurrentUser currentUser;

    @Inject
    Writes writes;

    @GET
    @Operation(summary = "Every endpoint (never its secret)")
    public List<Endpoints.EndpointView> list() {
        return endpoints.list();
    }

    @POST
    @Operation(summary = "Register an endpoint; its signing secret is in this answer only")
    @APIResponse(responseCode = "201", description = "The endpoint and its secret; Location is the endpoint")
    @APIResponse(responseCode = "422", description = "A URL that is not https, resolves inside the network, or unknown event types")
    public Response create(Endpoints.EndpointRequest request, @RestHeader(Idempotency.HEADER) String idempotencyKey) {
        Actor actor = currentUser.requireActive();
        return writes.run(actor, "webhook-admin", null, idempotencyKey, "webhook-create", request, () -> {
            Endpoints.WithSecret created = endpoints.create(request, actor.subject());
            return Idempotency.Result.created(LOCATION + created.endpoint().id(), created);
        });
    }

    @GET
    @Path("{id}")
    public Endpoints.EndpointView get(@RestPath long id) {
        return endpoints.get(id);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change an endpoint (url, description, eventTypes, enabled) at the version read")
    @APIResponse(responseCode = "409", description = "Someone changed it since (stale-version)")
    public Endpoints.EndpointView update(@RestPath long id, Endpoints.EndpointRequest request) {
        Actor actor = currentUser.requireActive();
        writes.limit(actor, "webhook-admin");
        return endpoints.update(id, request, actor.subject());
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove an endpoint and its deliveries")
    public Response delete(@RestPath long id) {
        Actor actor = currentUser.requireActive();
        writes.limit(actor, "webhook-admin");
        endpoints.delete(id, actor.subject());
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/secret")
    @Operation(summary = "A new signing secret, in this answer only; the previous one keeps signing too for the grace period")
    public Response rotate(@RestPath long id, @RestHeader(Idempotency.HEADER) String idempotencyKey) {
        Actor actor = currentUser.requireActive();
        return writes.run(actor, "webhook-admin", null, idempotencyKey, "webhook-rotate " + id, null,
                () -> Idempotency.Result.ok(endpoints.rotate(id, actor.subject())));
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "Deliveries, newest first, each with its attempts (status code, error, timing, first 1 KB of the answer)")
    public DeliveryLog.Page deliveries(@RestPath long id, @RestQuery String status, @RestQuery Integer limit, @RestQuery String cursor) {
        return log.page(id, status, limit, cursor);
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/retry")
    @Operation(summary = "Send a delivery again now, whatever its status")
    @APIResponse(responseCode = "202", description = "Queued")
    public Response retry(@RestPath long id, @RestPath long deliveryId) {
        Actor actor = currentUser.requireActive();
        writes.limit(actor, "webhook-admin");
        return Response.accepted(log.retry(id, deliveryId, actor.subject())).build();
    }
}
