package com.hiwar.audit;

import com.hiwar.auth.ActiveAccount;
import com.hiwar.auth.Actor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** The audit log for moderators. */
@Path("/api/v1/moderation/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Moderation")
@RolesAllowed({Actor.MODERATOR, Actor.ADMIN})
@ActiveAccount
public class AuditResource {

    @Inject
    AuditLog audit;

    @Inject
    com.hiwar.auth.CurrentUser currentUser;

    @GET
    @Operation(summary = "The audit log, newest first: site-wide, or per comment, user, moderator or article")
    public AuditLog.Page audit(@RestQuery Long commentId, @RestQuery Long userId, @RestQuery String actor,
                               @RestQuery String articleId, @RestQuery String cursor, @RestQuery Integer limit) {
        return audit.query(new AuditLog.Filter(commentId, userId, actor, articleId, currentUser.requireActive().deskScope()),
                cursor, limit);
    }
}
