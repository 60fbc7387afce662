package com.hiwar.moderation.queue;

import com.hiwar.moderation.ModerationConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the moderation queue (the automatic rules have ModerationConfig). */
@ConfigMapping(prefix = "hiwar.moderation.queue")
public interface ModerationSettings {

    /** How long a claimed batch stays with its moderator before returning to the queue. */
    @WithDefault("2m")
    Duration claimLease();
}
