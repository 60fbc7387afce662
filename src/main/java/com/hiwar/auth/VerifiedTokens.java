package com.hiwar.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

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
            return super.parse(token, context);
        }
        long now = System.currentTimeMillis();
        Verified known = verified.getIfPresent(token);
        if (known != null && now < known.usableUntilMillis()) {
            return known.principal();
        }
        JWTCallerPrincipal principal = super.parse(token, context); // throws when it no longer passes
        long expires = principal.getExpirationTime() * 1000 + context.getClockSkew() * 1000L;
        verified.put(token, new Verified(principal, Math.min(expires, now + ttlMillis)));
        return principal;
    }

    /** Whether this exact token is kept as verified (for tests). */
    boolean holds(String token) {
        return verified.getIfPresent(token) != null;
    }
}
