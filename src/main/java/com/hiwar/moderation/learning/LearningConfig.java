package com.hiwar.moderation.learning;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Training new model versions. */
@ConfigMapping(prefix = "hiwar.moderation.learning")
public interface LearningConfig {

    /**
     * A directory of labelled TSV files (id, source, label, text): four rows in five are trained on,
     * the fifth is the fixed evaluation split of the promotion gate. The rows never ship in the jar;
     * without them a job learns from moderators' decisions alone.
     */
    Optional<String> trainingData();

    /** How many times a moderator's decision counts against one row of the labelled files. */
    @WithDefault("3")
    int decisionWeight();

    /** The newest share of moderators' decisions, held back from training to judge the new version. */
    @WithDefault("0.2")
    double recentShare();

    /** At most this many decisions (the newest) go into one job. */
    @WithDefault("100000")
    int maxDecisions();

    /** A running job not heard from for this long was on an instance that stopped: it is marked failed. */
    @WithDefault("10m")
    Duration abandonedAfter();
}
