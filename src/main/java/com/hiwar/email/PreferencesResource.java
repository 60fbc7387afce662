package com.hiwar.email;

import com.hiwar.auth.Actor;
import com.hiwar.auth.CurrentUser;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A reader's email choices. */
@Path("/api/v1/me/preferences")
@Tag(name = "Email")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class PreferencesResource {

    @Inject
    Preferences preferences;

    @Inject
    CurrentUser currentUser;

    @GET
    @Operation(summary = "Your email choices, and the address kept for them (none when everything is off)")
    public Preferences.View get() {
        return preferences.of(currentUser.requireSignedIn().userId());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Choose emails: replies and decisions off, instant or digest; queueDigest for moderators; locale ar or en."
            + " The address is taken from your token's email claim")
    public Preferences.View put(Preferences.Change change) {
        Actor actor = currentUser.requireSignedIn();
        return preferences.change(actor, change, currentUser.email());
    }
}
