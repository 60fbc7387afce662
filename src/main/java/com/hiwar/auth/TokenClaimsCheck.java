package com.hiwar.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Checks SmallRye leaves to the application:
 * <ul>
 * <li>it checks {@code exp} with the configured skew but accepts an {@code iat} in the future;
 *     a token "issued" later than now is either forged or from a broken clock;</li>
 * <li>it requires a {@code sub} but accepts {@code ""}; every holder of such a token would
 *     share one account, so a blank subject is no identity at all;</li>
 * <li>a subject in {@link User#GUEST_PREFIX} names the account an import made for a guest it
 *     merged: nobody signs in as one.</li>
 * </ul>
 */
@ApplicationScoped
class TokenClaimsCheck implements SecurityIdentityAugmentor {

    @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "30")
    int skewSeconds;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            long now = System.currentTimeMillis() / 1000;
            if (jwt.getIssuedAtTime() > now + skewSeconds) {
                return Uni.createFrom().failure(new AuthenticationFailedException("iat is in the future"));
            }
            if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
                return Uni.createFrom().failure(new AuthenticationFailedException("sub is blank"));
            }
            if (jwt.getSubject().startsWith(User.GUEST_PREFIX)) {
                return Uni.createFrom().failure(new AuthenticationFailedException("sub names an imported guest"));
            }
        }
        return Uni.createFrom().item(identity);
    }
}
