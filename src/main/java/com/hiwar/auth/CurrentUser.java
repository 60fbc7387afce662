package com.hiwar.auth;

import com.hiwar.problem.ProblemException;
import com.hiwar.text.TextSanitizer;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
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

    private Actor actor;

    /** The caller's user id for reads, without creating anything; empty for anonymous readers. */
    public OptionalLong viewerId() {
        if (actor != null) {
            return OptionalLong.of(actor.userId());
        }
        if (identity.isAnonymous()) {
            return OptionalLong.empty();
        }
        return User.findBySubject(identity.getPrincipal().getName()).stream().mapToLong(u -> u.id).findFirst();
    }

    @Transactional
    public Actor requireActive() {
        if (actor != null) {
            return actor;
        }
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            throw new UnauthorizedException();
        }
        User user = User.current(jwt.getSubject(), displayName(jwt));
        if (user.isBannedAt(Instant.now())) {
            String until = user.bannedUntil == null ? "permanently" : "until " + user.bannedUntil;
            throw ProblemException.forbidden("user-banned", "Account suspended",
                    "This account may not post or change anything " + until);
        }
        actor = new Actor(user.id, user.subject, identity.getRoles(), user.trusted || isTrue(jwt.getClaim("trusted")));
        return actor;
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
