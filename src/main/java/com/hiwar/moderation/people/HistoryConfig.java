package com.hiwar.moderation.people;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * History-based holds: a reader whose recent comments were rejected, or keep being reported,
 * has every comment held until a moderator approves one.
 */
@ConfigMapping(prefix = "hiwar.moderation.history")
public interface HistoryConfig {

    @WithDefault("true")
    boolean enabled();

    /** How many of the reader's latest comments their record is read from. */
    @WithDefault("10")
    int recent();

    /** Held when at least this many of those were rejected (by a moderator or the rules); 0 turns it off. */
    @WithDefault("3")
    int rejections();

    /** Held when at least this many of those were reported by {@link #reporters()} readers or more; 0 turns it off. */
    @WithDefault("3")
    int reportedComments();

    /** Readers who must report one comment for it to count: one reader alone cannot get someone held. */
    @WithDefault("2")
    int reporters();
}
