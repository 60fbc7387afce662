package com.hiwar.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.DefaultJWTTokenParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.Claims;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtContext;

/**
 * Verifies a token's signature and claims once and reuses the result for its next requests: a
 * reader's every page view and comment carries the same token, and an RSA check per request was
 * a fifth of a signed-in page's CPU. A reuse never outlives what a fresh check would accept: not
 * past {@code exp} plus the configured skew, and not longer than the TTL (so a key removed from
 * the publisher's JWKS stops working within it). Only tokens that passed are kept, keyed by their
 * exact text; the per-request checks ({@link TokenClaimsCheck}, bans) still run every time.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class VerifiedTokens extends DefaultJWTCallerPrincipalFactory {

    private record Verified(JWTCallerPrincipal principal, long usableUntilMillis) {}

    private final DefaultJWTTokenParser parser = new DefaultJWTTokenParser();
    private final Cache<String, Verified> verified;
    private final long ttlMillis;

    @Inject
    public VerifiedTokens(AuthConfig config) {
        ttlMillis = config.tokenCache().ttl().toMillis();
        verified = Caffeine.newBuilder().maximumSize(config.tokenCache().size()).build();
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
        if (ttlMillis <= 0) {
            return verify(token, context);
        }
        long now = System.currentTimeMillis();
        Verified known = verified.getIfPresent(token);
        if (known != null && now < known.usableUntilMillis()) {
            return known.principal();
        }
        JWTCallerPrincipal principal = verify(token, context); // throws when it no longer passes
        long expires = principal.getExpirationTime() * 1000 + context.getClockSkew() * 1000L;
        verified.put(token, new Verified(principal, Math.min(expires, now + ttlMillis)));
        return principal;
    }

    /** What {@link DefaultJWTCallerPrincipalFactory#parse} does, with a principal that reads our own claims without exceptions. */
    private JWTCallerPrincipal verify(String token, JWTAuthContextInfo context) throws ParseException {
        JwtContext checked = parser.parse(token, context);
        return new TokenPrincipal(checked.getJoseObjects().get(0).getHeader("typ"), checked.getJwtClaims());
    }

    /**
     * MP-JWT's principal looks every claim name up with {@code Claims.valueOf} and catches the
     * exception for names it does not know: "name", "trusted" and "desks" threw three stack-filled
     * exceptions on every write, 2.5 % of a POST's CPU.
     */
    static final class TokenPrincipal extends DefaultJWTCallerPrincipal {
        private static final Map<String, Claims> STANDARD =
                Arrays.stream(Claims.values()).collect(Collectors.toUnmodifiableMap(Claims::name, Function.identity()));

        TokenPrincipal(String type, JwtClaims claims) {
            super(type, claims);
        }

        @Override
        protected Claims getClaimType(String name) {
            return STANDARD.getOrDefault(name, Claims.UNKNOWN);
        }
    }

    /** Whether this exact token is kept as verified (for tests). */
    boolean holds(String token) {
        return verified.getIfPresent(token) != null;
    }
}
