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

    /** Authors' display names kept in memory for pages of comments (see AuthorNames). */
    Names names();

    interface Names {
        /**
         * How long a name is kept at most. A rename or an erasure on any instance drops the names
         * everywhere at once through Redis; this bounds staleness while Redis is away. 0 reads every time.
         */
        @WithDefault("60s")
        Duration ttl();

        /** Names each instance keeps. */
        @WithDefault("100000")
        long size();
    }
}
