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

    /** The users behind recent writes' tokens, kept per instance for the check every write makes (see KeptUsers). */
    Users users();

    interface Users {
        /**
         * How long a copy is kept at most. A ban or any change to what the check reads drops the copy
         * everywhere at once through Redis, and nothing is served from copies while Redis cannot be asked.
         */
        @WithDefault("10m")
        Duration ttl();

        /** Users each instance keeps (about 300 bytes each); 0 reads the database for every write. */
        @WithDefault("20000")
        long size();
    }
}
