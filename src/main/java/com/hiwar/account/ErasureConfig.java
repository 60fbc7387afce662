package com.hiwar.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "hiwar.erasure")
public interface ErasureConfig {

    /** Rows changed per transaction: small enough not to hold locks long on a prolific reader. */
    @WithDefault("500")
    int batchSize();

    /** Pause between batches, to spread a large erasure's load. */
    @WithDefault("0s")
    Duration batchPause();

    /** How often every instance looks for erasures left unfinished (by a restart or a crash). */
    @WithDefault("30s")
    Duration sweepInterval();
}
