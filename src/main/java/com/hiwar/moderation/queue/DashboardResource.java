package com.hiwar.moderation.queue;

import com.hiwar.http.StaticAssets;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The moderator dashboard's page and files; everything it shows comes from the moderation API with the moderator's token. */
@Path("/moderation")
@Tag(name = "Moderation")
public class DashboardResource {

    /** The dashboard's modules, by concern, in the order they are joined into dashboard.js. */
    static final List<String> MODULES = List.of("web/el.js", "dashboard/modules/i18n.js", "dashboard/modules/state.js",
            "dashboard/modules/api.js", "dashboard/modules/signin.js", "dashboard/modules/queue.js",
            "dashboard/modules/drawer.js", "dashboard/modules/admin.js", "dashboard/modules/newsroom.js", "dashboard/modules/keys.js",
            "dashboard/modules/main.js");

    @GET
    @PermitAll
    @Operation(summary = "The moderator dashboard (sign in with a moderator's token)")
    public Response page(@Context HttpHeaders headers) {
        return StaticAssets.serve(headers, "dashboard/index.html", "no-cache");
    }

    @GET
    @Path("dashboard.css")
    @PermitAll
    @Operation(hidden = true)
    public Response css(@Context HttpHeaders headers) {
        return StaticAssets.serve(headers, "dashboard/dashboard.css", "no-cache");
    }

    @GET
    @Path("dashboard.js")
    @PermitAll
    @Operation(hidden = true)
    public Response js(@Context HttpHeaders headers) {
        return StaticAssets.serveBundle(headers, "dashboard.js", MODULES,
                () -> Map.of("rejectReasons", ModeratorActions.REJECT_REASONS), "no-cache", UnaryOperator.identity());
    }
}
