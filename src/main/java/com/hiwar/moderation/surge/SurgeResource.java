package com.hiwar.moderation.surge;

import com.hiwar.article.ArticleService;
import com.hiwar.auth.ActiveAccount;
import com.hiwar.auth.Actor;
import com.hiwar.auth.CurrentUser;
import com.hiwar.idempotency.Writes;
import com.hiwar.text.TextSanitizer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** The hot articles panel: what the surge autopilot sees and did, and moderators' pins. */
@Path("/api/v1/moderation/surge")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Moderation")
@RolesAllowed({Actor.MODERATOR, Actor.ADMIN})
@ActiveAccount
public class SurgeResource {

    @Inject
    HotArticles hot;

    @Inject
    Surges surges;

    @Inject
    CurrentUser currentUser;

    @Inject
    Writes writes;

    @GET
    @Operation(summary = "Hot articles: rates per minute, step, since when, pins; busiest first")
    public List<HotArticles.Hot> list() {
        return hot.list(currentUser.requireActive());
    }

    @GET
    @Path("{articleId}")
    public HotArticles.Hot get(@RestPath String articleId) {
        return hot.get(ArticleService.checkId(articleId), currentUser.requireActive());
    }

    @PUT
    @Path("{articleId}")
    @Operation(summary = "Pin the article to a step (normal, slow, held, closed), release it (pin: none), or set its own thresholds")
    public HotArticles.Hot update(@RestPath String articleId, @NotNull HotArticles.Update update) {
        Actor moderator = currentUser.requireActive();
        writes.limit(moderator, "settings-admin");
        hot.get(ArticleService.checkId(articleId), moderator);
        hot.update(articleId, new HotArticles.Update(update.pin(), update.thresholds(),
                TextSanitizer.cleanLabel(update.reason(), 500)), moderator.subject());
        surges.settingsChanged(articleId);
        return hot.get(articleId, moderator);
    }
}
