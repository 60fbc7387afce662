package com.hiwar.article;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "hiwar.counts")
public interface CountsConfig {

    /**
     * How long an instance trusts a cached count. Changes invalidate it at once through Redis;
     * this bounds staleness when Redis pub/sub is unreachable.
     */
    @WithDefault("10s")
    Duration cacheTtl();

    /** Articles kept in each instance's cache. */
    @WithDefault("100000")
    long cacheSize();

    /** Cache-Control max-age for the counts endpoint, so CDNs absorb listing-page traffic. */
    @WithDefault("10s")
    Duration maxAge();
}
