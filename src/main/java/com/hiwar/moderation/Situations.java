package com.hiwar.moderation;

import com.hiwar.moderation.rules.SiteMode;
import com.hiwar.moderation.rules.Submission;
import com.hiwar.moderation.rules.SurgeStep;
import com.hiwar.moderation.site.SiteModes;
import com.hiwar.moderation.surge.Surges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** What the rules may ask about the moment a comment is written: the site's mode, the article's surge, campaigns. */
@ApplicationScoped
public class Situations {

    @Inject
    SiteModes sites;

    @Inject
    Surges surges;

    Submission.Situation of(String articleId, boolean articlePremoderated) {
        SiteMode mode = sites.mode();
        SurgeStep step = surges.step(articleId);
        return new Submission.Situation() {
            public boolean articlePremoderated() {
                return articlePremoderated;
            }

            public SiteMode siteMode() {
                return mode;
            }

            public SurgeStep surgeStep() {
                return step;
            }

            public Long campaign(String normalizedText) {
                return null;
            }
        };
    }
}
