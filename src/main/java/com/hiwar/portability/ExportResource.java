package com.hiwar.portability;

import com.hiwar.auth.ActiveAccount;
import com.hiwar.auth.Actor;
import com.hiwar.auth.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admins take the whole site out, to keep or to restore elsewhere. */
@Path("/api/v1/admin/export")
@Tag(name = "Admin")
@RolesAllowed(Actor.ADMIN)
@ActiveAccount
public class ExportResource {

    static final String NDJSON = "application/x-ndjson";

    @Inject
    Exporter exporter;

    @Inject
    CurrentUser currentUser;

    @GET
    @Operation(summary = "The whole site as NDJSON (articles, accounts, comments, decisions, audit), streamed; POST it to /api/v1/admin/imports?format=ndjson to restore")
    public Response export() {
        Actor actor = currentUser.requireActive();
        StreamingOutput body = out -> exporter.write(out, actor.subject());
        return Response.ok(body, NDJSON)
                .header("Content-Disposition", "attachment; filename=\"hiwar-export-" + LocalDate.now(ZoneOffset.UTC) + ".ndjson\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
