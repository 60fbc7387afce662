package com.hiwar.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hiwar.reports")
public interface ReportsConfig {

    /** Weighted reports from distinct readers that hide a comment until a moderator decides. */
    @WithDefault("3")
    int threshold();

    /** What one report from a trusted reader (token claim or moderator grant) counts for. */
    @WithDefault("2")
    int trustedWeight();

    /** Longest optional note with a report, in code points. */
    @WithDefault("500")
    int noteMaxLength();
}
