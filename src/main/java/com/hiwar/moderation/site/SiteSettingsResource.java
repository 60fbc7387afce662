package com.hiwar.moderation.site;

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
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The site-wide moderation mode: moderators see it on the dashboard, admins change it. */
@Path("/api/v1/admin/settings/moderation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Moderation")
@ActiveAccount
public class SiteSettingsResource {

    /** {@code version}: the one you saw (optional; a stale one is refused). {@code reason}: kept in the audit log. */
    public record Change(String mode, Long version, String reason) {}

    public record View(String mode, long version, String updatedBy, Instant updatedAt, int establishedComments) {}

    @Inject
    SiteModes modes;

    @Inject
    SiteConfig config;

    @Inject
    CurrentUser currentUser;

    @Inject
    Writes writes;

    @GET
    @RolesAllowed({Actor.MODERATOR, Actor.ADMIN})
    @Operation(summary = "The site's moderation mode: post, pre (everything held) or pre-new (held unless established)")
    public View get() {
        return view(modes.current());
    }

    @PUT
    @RolesAllowed(Actor.ADMIN)
    @Operation(summary = "Set the site's moderation mode; audited, and in force on every instance within a second")
    public View put(@NotNull Change change) {
        Actor admin = currentUser.requireActive();
        writes.limit(admin, "settings-admin");
        return view(modes.set(change.mode(), change.version(), TextSanitizer.cleanLabel(change.reason(), 500), admin.subject()));
    }

    private View view(SiteModes.Setting s) {
        return new View(s.mode().wire(), s.version(), s.updatedBy(), s.updatedAt(), config.establishedComments());
    }
}
