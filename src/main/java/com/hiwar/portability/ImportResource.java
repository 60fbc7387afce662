package com.hiwar.portability;

import com.hiwar.auth.ActiveAccount;
import com.hiwar.auth.Actor;
import com.hiwar.auth.CurrentUser;
import com.hiwar.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Admins bring a site's existing comments in from a WordPress export, and follow the job. */
@Path("/api/v1/admin/imports")
@Tag(name = "Admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Actor.ADMIN)
@ActiveAccount
public class ImportResource {

    @Inject
    Importer importer;

    @Inject
    CurrentUser currentUser;

    @POST
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML, "application/rss+xml", ExportResource.NDJSON, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Import a WordPress export (WXR, from Tools → Export), a Disqus export, or a Hiwar export (to restore), sent as the request body")
    @APIResponse(responseCode = "202", description = "The file was read through and its import started; follow Location")
    @APIResponse(responseCode = "413", description = "Larger than HIWAR_HTTP_MAX_IMPORT_BYTES")
    @APIResponse(responseCode = "422", description = "Not a WordPress export, or not well-formed: nothing was imported")
    public Response start(InputStream body, @RestQuery String format, @RestQuery Boolean includePings, @RestQuery Boolean remoderate,
                          @RestQuery Boolean mergeGuests) {
        Actor actor = currentUser.requireActive();
        if (format != null && !java.util.Set.of("wxr", "disqus", "ndjson").contains(format)) {
            throw ProblemException.badParameter("format", "must be wxr (a WordPress export), disqus, or ndjson (a Hiwar export, to restore); leave it out to tell by the file");
        }
        ImportJobs.View job = importer.start(body, new Importer.Options(format, Boolean.TRUE.equals(includePings),
                Boolean.TRUE.equals(remoderate), Boolean.TRUE.equals(mergeGuests)), actor.subject());
        return Response.accepted(job).location(URI.create(Importer.LOCATION + job.id())).build();
    }

    @GET
    @Operation(summary = "The latest import jobs, newest first")
    public List<ImportJobs.View> recent() {
        return importer.recent();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "An import job: how far it read, and how many comments it created, skipped or could not import, with why")
    public ImportJobs.View job(@RestPath String id) {
        try {
            return importer.job(Long.parseLong(id));
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("Import job", id);
        }
    }
}
