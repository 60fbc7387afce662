package com.hiwar.auth;

import com.hiwar.problem.ProblemException;
import com.hiwar.text.TextSanitizer;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.OptionalLong;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling. Writes go through {@link #requireActive()}, which records the user and
 * refuses banned accounts on every request, so a ban bites even while old tokens live.
 */
@RequestScoped
public class CurrentUser {

    static final int MAX_NAME_LENGTH = 80;

    @Inject
    SecurityIdentity identity;

    @Inject
    ViewerIds viewerIds;

    @Inject
    AuthorNames authorNames;

    @Inject
    KeptUsers keptUsers;

    private Actor actor;

    /** The caller's user id for reads, without creating anything; empty for anonymous readers. */
    public OptionalLong viewerId() {
        if (actor != null) {
            return OptionalLong.of(actor.userId());
        }
        // Never getPrincipal().getName(): MP-JWT resolves it from upn or preferred_username
        // first, claims a reader can choose to name someone else.
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return OptionalLong.empty();
        }
        return viewerIds.of(jwt.getSubject());
    }

    /**
     * For writes to the shared space (comments, likes, reports): refuses banned accounts and
     * accounts being erased. No transaction of its own: its statements (a read, and a write only
     * on first sight or when the name, groups or last-seen moved) stand alone or join the caller's.
     */
    public Actor requireActive() {
        User user = signedIn();
        if (user.isBannedAt(Instant.now())) {
            String until = user.bannedUntil == null ? "permanently" : "until " + user.bannedUntil;
            throw ProblemException.forbidden("user-banned", "Account suspended",
                    "This account may not post or change anything " + until);
        }
        if (user.eraseRequestedAt != null) {
            throw ProblemException.forbidden("account-erasing", "Account being erased",
                    "This account is being erased and can no longer post or change anything");
        }
        return actor;
    }

    /** For a reader's own data (profile, export, erasure, notifications): banned readers keep access to it. */
    public Actor requireSignedIn() {
        signedIn();
        return actor;
    }

    /**
     * The address in the token's {@code email} claim, unless the token says it is not verified
     * ({@code email_verified: false}); read only when a reader opts in to email.
     */
    public java.util.Optional<String> email() {
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return java.util.Optional.empty();
        }
        Object verified = jwt.getClaim("email_verified");
        if (verified == JsonValue.FALSE || Boolean.FALSE.equals(verified)) {
            return java.util.Optional.empty();
        }
        Object email = jwt.getClaim("email");
        String address = email instanceof JsonString s ? s.getString() : email instanceof String s ? s : null;
        return address == null || address.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(address.strip());
    }

    private User user;

    private User signedIn() {
        if (user != null) {
            return user;
        }
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            throw new UnauthorizedException();
        }
        user = keptUsers.current(jwt.getSubject(), displayName(jwt), staffGroups(identity.getRoles()), authorNames::changed);
        actor = new Actor(user.id, user.subject, user.displayName, identity.getRoles(),
                user.trusted || isTrue(jwt.getClaim("trusted")), user.premoderated, user.heldReason, desks(jwt));
        return user;
    }

    /** The sections a moderator's token names in its {@code desks} claim (an array of names), lower-cased. */
    static java.util.Set<String> desks(JsonWebToken jwt) {
        Object claim = jwt.getClaim("desks");
        java.util.Set<String> out = new java.util.TreeSet<>();
        if (claim instanceof jakarta.json.JsonArray array) {
            array.forEach(v -> {
                if (v instanceof JsonString s && !s.getString().isBlank()) {
                    out.add(s.getString().strip().toLowerCase(java.util.Locale.ROOT));
                }
            });
        } else if (claim instanceof java.util.Collection<?> list) {
            list.forEach(v -> {
                if (v != null && !v.toString().isBlank()) {
                    out.add(v.toString().strip().toLowerCase(java.util.Locale.ROOT));
                }
            });
        }
        return java.util.Collections.unmodifiableSet(out);
    }

    /** The staff groups a token carries, remembered on the user so rules about staff (who may ban whom) can see them. */
    static java.util.List<String> staffGroups(java.util.Set<String> roles) {
        return roles.stream().filter(r -> r.equals(Actor.MODERATOR) || r.equals(Actor.ADMIN)).sorted().toList();
    }

    static String displayName(JsonWebToken jwt) {
        String name = stringClaim(jwt, "name");
        if (name == null || name.isBlank()) {
            name = stringClaim(jwt, "preferred_username");
        }
        return TextSanitizer.cleanLabel(name, MAX_NAME_LENGTH);
    }

    private static boolean isTrue(Object claim) {
        return claim == JsonValue.TRUE || Boolean.TRUE.equals(claim);
    }

    static String stringClaim(JsonWebToken jwt, String claim) {
        Object value = jwt.getClaim(claim);
        if (value instanceof JsonString s) {
            return s.getString();
        }
        return value instanceof String s ? s : null;
    }
}
