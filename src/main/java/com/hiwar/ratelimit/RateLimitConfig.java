package com.hiwar.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Limits per action, written {@code BURST/PERIOD}: "3/45s" lets 3 through at once and one
 * more every 15 s after that. Defaults sit between WordPress (1 comment per 15 s) and
 * Coral (1 per 3 s): a reader in a heated thread can answer quickly a few times, a script cannot.
 */
@ConfigMapping(prefix = "hiwar.ratelimit")
public interface RateLimitConfig {

    /** HIWAR_RATELIMIT_ENABLED=false turns limiting off, for benchmarks and bulk imports. */
    @WithDefault("true")
    boolean enabled();

    /** New comments and replies, per user. */
    @WithDefault("3/45s")
    String commentCreate();

    /** Edits, per user. */
    @WithDefault("6/1m")
    String commentEdit();

    /** Deletions, per user. */
    @WithDefault("10/1m")
    String commentDelete();
}
