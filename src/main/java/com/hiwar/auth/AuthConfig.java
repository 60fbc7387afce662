package com.hiwar.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "hiwar.auth")
public interface AuthConfig {

    /** Tokens verified once and reused (see VerifiedTokens). */
    TokenCache tokenCache();

    interface TokenCache {
        /** How long a verification is reused at most; 0 verifies every request. */
        @WithDefault("60s")
        Duration ttl();

        /** Tokens each instance keeps. */
        @WithDefault("10000")
        long size();
    }
}
