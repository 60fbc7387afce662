package com.hiwar.moderation.site;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the site-wide moderation mode. */
@ConfigMapping(prefix = "hiwar.moderation.site")
public interface SiteConfig {

    /** Under pre-new, readers with at least this many published comments (or trusted ones) publish directly. */
    @WithDefault("3")
    int establishedComments();

    /** How often each instance re-reads the mode, in case an announcement was lost while Redis was away. */
    @WithDefault("15s")
    Duration checkEvery();
}
