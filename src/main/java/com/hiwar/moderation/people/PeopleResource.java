package com.hiwar.moderation.people;

import com.hiwar.auth.ActiveAccount;
import com.hiwar.auth.Actor;
import com.hiwar.auth.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** The moderator dashboard API for readers and articles: profiles, bans, trust, notes, article settings. */
@Path("/api/v1/moderation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Moderation")
@RolesAllowed({Actor.MODERATOR, Actor.ADMIN})
@ActiveAccount
public class PeopleResource {

    public record NoteRequest(String body) {}

    @Inject
    ModeratedUsers users;

    @Inject
    ModeratedArticles articles;

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("users/{userId}")
    public ModeratedUsers.Profile user(@RestPath long userId) {
        return users.profile(userId, currentUser.requireActive());
    }

    @POST
    @Path("users/{userId}/ban")
    @Operation(summary = "Ban, permanently or until a date, optionally rejecting all their comments; bites on their next request")
    public ModeratedUsers.Profile ban(@RestPath long userId, ModeratedUsers.Ban ban) {
        return users.ban(userId, ban, currentUser.requireActive());
    }

    @DELETE
    @Path("users/{userId}/ban")
    @Consumes(MediaType.WILDCARD)
    public ModeratedUsers.Profile unban(@RestPath long userId) {
        return users.unban(userId, currentUser.requireActive());
    }

    @PUT
    @Path("users/{userId}")
    @Operation(summary = "Always pre-moderate, and grant or revoke trust")
    public ModeratedUsers.Profile updateUser(@RestPath long userId, @NotNull ModeratedUsers.Settings settings) {
        return users.update(userId, settings, currentUser.requireActive());
    }

    @POST
    @Path("users/{userId}/notes")
    public ModeratedUsers.Profile note(@RestPath long userId, @NotNull NoteRequest note) {
        return users.note(userId, note.body(), currentUser.requireActive());
    }

    @GET
    @Path("articles/{articleId}")
    public ModeratedArticles.View article(@RestPath String articleId) {
        return articles.view(articleId, currentUser.requireActive());
    }

    @PUT
    @Path("articles/{articleId}")
    @Operation(summary = "Open or close commenting, pre-moderation, auto-close date; correct and lock title and URL")
    public ModeratedArticles.View updateArticle(@RestPath String articleId, @NotNull ModeratedArticles.Update update) {
        return articles.update(articleId, update, currentUser.requireActive());
    }
}
