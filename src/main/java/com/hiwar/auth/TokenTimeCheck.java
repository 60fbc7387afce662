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
 * SmallRye checks {@code exp} with the configured skew but accepts an {@code iat} in the
 * future. A token "issued" later than now is either forged or from a broken clock: refuse it.
 */
@ApplicationScoped
public class TokenTimeCheck implements SecurityIdentityAugmentor {

    @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "30")
    int skewSeconds;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            long now = System.currentTimeMillis() / 1000;
            if (jwt.getIssuedAtTime() > now + skewSeconds) {
                return Uni.createFrom().failure(new AuthenticationFailedException("iat is in the future"));
            }
        }
        return Uni.createFrom().item(identity);
    }
}
