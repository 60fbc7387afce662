package com.hiwar.report;

import com.hiwar.auth.Actor;
import com.hiwar.auth.CurrentUser;
import com.hiwar.idempotency.Idempotency;
import com.hiwar.idempotency.Writes;
import com.hiwar.report.Reports.ReportRequest;
import com.hiwar.report.Reports.ReportView;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
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

@Path("/api/v1/comments/{id}/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
public class ReportResource {

    @Inject
    Reports reports;

    @Inject
    CurrentUser currentUser;

    @Inject
    Writes writes;

    @POST
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Reported. Enough reports from distinct readers hide the comment until a moderator decides",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "403", description = "Your own comment")
    @APIResponse(responseCode = "404", description = "No such comment, or not visible to you")
    @APIResponse(responseCode = "409", description = "Already reported by you, or not published")
    @APIResponse(responseCode = "422", description = "Unknown reason (spam, abuse, hate, off-topic, personal-data, other) or a bad note")
    @APIResponse(responseCode = "429", description = "Rate limited")
    public Response report(@RestPath long id, @RestHeader(Idempotency.HEADER) String idempotencyKey,
                           @NotNull ReportRequest body) {
        Actor actor = currentUser.requireActive();
        return writes.run(actor, "comment-report", null, idempotencyKey, "report " + id, body, () -> {
            ReportView report = reports.report(actor, id, body);
            return Idempotency.Result.created("/api/v1/comments/" + id + "/reports/" + report.id(), report);
        });
    }
}
