package com.hiwar.moderation.surge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The surge autopilot: per-article rates over a sliding window move an article through
 * normal, slow, held and (optionally) closed, and back one step after each calm period.
 * Thresholds are per minute; any one figure reaching a step's threshold engages the step.
 */
@ConfigMapping(prefix = "hiwar.moderation.surge")
public interface SurgeConfig {

    @WithDefault("true")
    boolean enabled();

    /** The sliding window the rates are measured over. */
    @WithDefault("1m")
    Duration window();

    /** How long the figures must stay below a step before the article steps down from it. */
    @WithDefault("10m")
    Duration calm();

    /** How often each instance re-evaluates articles that are not normal (to step them down). */
    @WithDefault("5s")
    Duration tick();

    /**
     * How often each instance sends the comments and reports it gathered, one script call per
     * busy article: a step engages at most this much later, and a hot article costs one Redis
     * call per flush instead of one per comment.
     */
    @WithDefault("250ms")
    Duration flush();

    /** Comments in the window before the held share counts (two of three held is no trend). */
    @WithDefault("10")
    int minCommentsForShare();

    /** An account first seen this recently is a new commenter. */
    @WithDefault("24h")
    Duration newCommenterAge();

    Slow slow();

    Held held();

    Closed closed();

    /** A step's thresholds per minute; 0 switches a figure off. */
    interface Thresholds {
        int commentsPerMinute();

        int reportsPerMinute();

        /** Share of new comments held or rejected by the rules, 0 to 1. */
        double heldShare();

        int newCommentersPerMinute();
    }

    interface Slow extends Thresholds {
        @WithDefault("30")
        int commentsPerMinute();

        @WithDefault("10")
        int reportsPerMinute();

        @WithDefault("0.3")
        double heldShare();

        @WithDefault("15")
        int newCommentersPerMinute();
    }

    interface Held extends Thresholds {
        @WithDefault("90")
        int commentsPerMinute();

        @WithDefault("30")
        int reportsPerMinute();

        @WithDefault("0.5")
        double heldShare();

        @WithDefault("45")
        int newCommentersPerMinute();
    }

    /** The last step, off by default: an article that closes itself is a newsroom's decision. */
    interface Closed extends Thresholds {
        @WithDefault("false")
        boolean enabled();

        @WithDefault("300")
        int commentsPerMinute();

        @WithDefault("100")
        int reportsPerMinute();

        @WithDefault("0.8")
        double heldShare();

        @WithDefault("150")
        int newCommentersPerMinute();
    }
}
