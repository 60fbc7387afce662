package com.hiwar.moderation.learning;

import com.hiwar.auth.ActiveAccount;
import com.hiwar.auth.Actor;
import com.hiwar.auth.CurrentUser;
import com.hiwar.problem.ProblemException;
import com.hiwar.idempotency.Idempotency;
import com.hiwar.idempotency.Writes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

/** Admins train model versions, read their figures and choose the active one. */
@Path("/api/v1/admin/models")
@Tag(name = "Admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Actor.ADMIN)
@ActiveAccount
public class ModelsResource {

    /** {@code since}: an ISO date or instant; moderators' decisions from then on are learned from (all when absent). */
    public record TrainRequest(String since, Boolean force) {}

    public record ActivateRequest(Long version) {}

    @Inject
    Models models;

    @Inject
    ModelTraining training;

    @Inject
    CurrentUser currentUser;

    @Inject
    Writes writes;

    @GET
    @Operation(summary = "Model versions, newest first, with the figures each was judged by")
    public List<Models.Summary> list() {
        return models.list();
    }

    @POST
    @Operation(summary = "Start a training job over the labelled files and moderators' decisions since a date")
    @APIResponse(responseCode = "202", description = "The job; follow Location for its progress")
    @APIResponse(responseCode = "409", description = "A job is running; Location is its progress")
    public Response train(TrainRequest request, @RestHeader(Idempotency.HEADER) String idempotencyKey) {
        Actor actor = currentUser.requireActive();
        TrainRequest r = request == null ? new TrainRequest(null, null) : request;
        Instant since = since(r.since());
        return writes.run(actor, "model-train", null, idempotencyKey, "model-train", r, () -> {
            ModelTraining.JobView job = training.start(since, Boolean.TRUE.equals(r.force()), actor.subject());
            return Idempotency.Result.accepted(ModelTraining.LOCATION + job.id(), job);
        });
    }

    @GET
    @Path("jobs/{id}")
    @Operation(summary = "A training job's progress and outcome")
    public ModelTraining.JobView job(@RestPath String id) {
        try {
            return training.job(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Training job", id);
        }
    }

    @PUT
    @Path("active")
    @Operation(summary = "Make a version active on every instance (also to roll back)")
    @APIResponse(responseCode = "404", description = "No such version")
    public Models.Summary activate(ActivateRequest request) {
        Actor actor = currentUser.requireActive();
        if (request == null || request.version() == null) {
            throw ProblemException.invalid("version", "is required: the model version to make active");
        }
        return models.activate(request.version(), actor.subject());
    }

    private static Instant since(String value) {
        if (value == null || value.isBlank()) {
            return Instant.EPOCH;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("since", "must be an ISO date (2026-11-01) or instant (2026-11-01T08:00:00Z)");
        }
    }
}
