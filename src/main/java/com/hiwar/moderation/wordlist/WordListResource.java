package com.hiwar.moderation.wordlist;

import com.hiwar.auth.ActiveAccount;
import com.hiwar.auth.Actor;
import com.hiwar.auth.CurrentUser;
import com.hiwar.moderation.rules.WordListName;
import com.hiwar.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

/** Admins read and replace the word lists as text/plain, one term or phrase per line. */
@Path("/api/v1/admin/wordlists/{list}")
@Tag(name = "Admin")
@RolesAllowed(Actor.ADMIN)
@ActiveAccount
public class WordListResource {

    @Inject
    WordLists lists;

    @Inject
    CurrentUser currentUser;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Export a list (banned or suspect); ETag is its version")
    @APIResponse(responseCode = "200", description = "One term per line")
    public Response export(@RestPath String list) {
        WordListName name = name(list);
        String body = String.join("\n", lists.terms(name)) + "\n";
        return Response.ok(body, MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .tag(Long.toString(lists.version(name))).build();
    }

    @PUT
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a list; every instance rebuilds its matcher at once")
    @APIResponse(responseCode = "200", description = "The list's new version and size; ETag is the new version, for the next If-Match")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "422", description = "Some lines refused; nothing changed")
    public Response replace(@RestPath String list, @RestHeader("If-Match") String ifMatch, String body) {
        Actor actor = currentUser.requireActive();
        WordLists.Summary saved = lists.replace(name(list), body, version(ifMatch), actor.subject());
        return Response.ok(saved).tag(Long.toString(saved.version())).build();
    }

    private static WordListName name(String list) {
        WordListName name = WordListName.parse(list);
        if (name == null) {
            throw ProblemException.notFound("Word list", list);
        }
        return name;
    }

    private static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String v = ifMatch.strip().replace("W/", "").replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new ProblemException(400, "bad-if-match", "Invalid If-Match", "If-Match must be a version ETag, e.g. \"7\"");
        }
    }
}
