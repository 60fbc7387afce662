package com.hiwar.moderation.campaign;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Near-duplicate detection across readers. */
@ConfigMapping(prefix = "hiwar.moderation.campaign")
public interface CampaignConfig {

    @WithDefault("true")
    boolean enabled();

    /** Comments this far apart can belong to one campaign. */
    @WithDefault("24h")
    Duration window();

    /** Estimated Jaccard similarity of word shingles from which two comments are near-identical. */
    @WithDefault("0.6")
    double similarity();

    /**
     * Texts with fewer words are never grouped: short formulas (ربنا يستر، الله أكبر) are what
     * many readers write on their own.
     */
    @WithDefault("5")
    int minWords();

    /** Distinct accounts that make a group of near-identical comments a campaign, which holds its new members. */
    @WithDefault("5")
    int accounts();

    /**
     * Articles a group must span: readers answering one story alike (condolences, a team's
     * chant) are one article's chorus, while organised accounts spread one message. 1 groups
     * within a single article too.
     */
    @WithDefault("2")
    int articles();

    /** At most this many earlier comments are compared per new one. */
    @WithDefault("2000")
    int maxCandidates();
}
