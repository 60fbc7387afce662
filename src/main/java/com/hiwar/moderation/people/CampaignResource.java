package com.hiwar.moderation.people;

import com.hiwar.auth.ActiveAccount;
import com.hiwar.auth.Actor;
import com.hiwar.auth.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Coordinated campaigns on the dashboard: one card per group of near-identical comments, one decision for all of it. */
@Path("/api/v1/moderation/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Moderation")
@RolesAllowed({Actor.MODERATOR, Actor.ADMIN})
@ActiveAccount
public class CampaignResource {

    @Inject
    CampaignCards cards;

    @Inject
    CurrentUser currentUser;

    @GET
    @Operation(summary = "Open campaigns (all=true: decided ones too), the latest activity first")
    public List<CampaignCards.Card> list(@RestQuery Boolean all) {
        return cards.list(Boolean.TRUE.equals(all), currentUser.requireActive());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One campaign with its comments (the first 200), their accounts and articles")
    public CampaignCards.Card get(@RestPath long id) {
        return cards.get(id, currentUser.requireActive());
    }

    @POST
    @Path("{id}/decision")
    @Operation(summary = "approve, reject or reject-and-ban the whole campaign; each comment decided on its own version and audited")
    public CampaignCards.Outcome decide(@RestPath long id, @NotNull CampaignCards.Decision decision) {
        return cards.decide(id, decision, currentUser.requireActive());
    }
}
