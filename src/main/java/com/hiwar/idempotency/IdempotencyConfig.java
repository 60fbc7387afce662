package com.hiwar.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "hiwar.idempotency")
public interface IdempotencyConfig {

    /** How long a key replays its first response; after that it may be reused. */
    @WithDefault("24h")
    Duration ttl();
}
