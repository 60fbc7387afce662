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
import com.hiwar.problem.ProblemException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

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
    @Operation(summary = "The whole site: as NDJSON (articles, accounts, comments, decisions, audit; POST it to /api/v1/admin/imports to restore), "
            + "or with format=wxr in WordPress' own export format, for WordPress' importer; timezone (WordPress' site time zone, default UTC) sets its local dates")
    public Response export(@RestQuery String format, @RestQuery String timezone) {
        Actor actor = currentUser.requireActive();
        String day = LocalDate.now(ZoneOffset.UTC).toString();
        if (format == null || format.equals("ndjson")) {
            StreamingOutput body = out -> exporter.write(out, actor.subject());
            return download(Response.ok(body, NDJSON), "hiwar-export-" + day + ".ndjson");
        }
        if (!format.equals("wxr")) {
            throw ProblemException.badParameter("format", "must be ndjson (the default: a Hiwar export, to restore) or wxr (WordPress' export format)");
        }
        ZoneId zone;
        try {
            zone = timezone == null || timezone.isBlank() ? ZoneOffset.UTC : ZoneId.of(timezone);
        } catch (java.time.DateTimeException e) {
            throw ProblemException.badParameter("timezone", "must be a time zone such as Africa/Cairo or +02:00, as WordPress' Settings → General has it");
        }
        StreamingOutput body = out -> exporter.writeWxr(out, zone, actor.subject());
        return download(Response.ok(body, "application/rss+xml; charset=UTF-8"), "hiwar-wordpress-" + day + ".xml");
    }

    private static Response download(Response.ResponseBuilder response, String file) {
        return response.header("Content-Disposition", "attachment; filename=\"" + file + "\"").header("Cache-Control", "no-store").build();
    }
}
