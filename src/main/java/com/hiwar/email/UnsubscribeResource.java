package com.hiwar.email;

import com.hiwar.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** The one-click unsubscribe links in every message: no sign-in, the signed link is the permission. */
@Path("/api/v1/email/unsubscribe")
@Tag(name = "Email")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class UnsubscribeResource {

    @Inject
    Unsubscribes unsubscribes;

    @GET
    @Operation(summary = "The page behind a link: one button (a GET never unsubscribes, so link scanners cannot)")
    public String page(@RestQuery("t") String token) {
        return unsubscribes.page(target(token), token);
    }

    @POST
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.WILDCARD})
    @Operation(summary = "Unsubscribe: the page's button, or a mail client's RFC 8058 one-click POST (List-Unsubscribe=One-Click)")
    public String unsubscribe(@RestQuery("t") String token) {
        return unsubscribes.apply(target(token));
    }

    private UnsubscribeLinks.Target target(String token) {
        return unsubscribes.verify(token).orElseThrow(() -> new ProblemException(400, "bad-unsubscribe-link", "Invalid link",
                "This unsubscribe link is not one this site sent, or it was changed"));
    }
}
