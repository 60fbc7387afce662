package com.hiwar.moderation.queue;

import com.hiwar.http.StaticAssets;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** The moderator dashboard's page and files; everything it shows comes from the moderation API with the moderator's token. */
@Path("/moderation")
@Tag(name = "Moderation")
public class DashboardResource {

    @GET
    @PermitAll
    @Operation(summary = "The moderator dashboard (sign in with a moderator's token)")
    public Response page(@Context HttpHeaders headers) {
        return StaticAssets.serve(headers, "dashboard/index.html", "no-cache");
    }

    @GET
    @Path("{file: dashboard\\.(js|css)}")
    @PermitAll
    @Operation(hidden = true)
    public Response file(@RestPath String file, @Context HttpHeaders headers) {
        return StaticAssets.serve(headers, "dashboard/" + file, "no-cache");
    }
}
