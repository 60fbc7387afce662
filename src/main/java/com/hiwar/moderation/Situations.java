package com.hiwar.moderation;

import com.hiwar.auth.Actor;
import com.hiwar.moderation.campaign.Campaigns;
import com.hiwar.moderation.rules.SiteMode;
import com.hiwar.moderation.rules.Submission;
import com.hiwar.moderation.rules.SurgeStep;
import com.hiwar.moderation.site.SiteModes;
import com.hiwar.moderation.surge.Surges;
import com.hiwar.text.MatchText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** What the rules may ask about the moment a comment is written: the site's mode, the article's surge, campaigns. */
@ApplicationScoped
public class Situations {

    @Inject
    SiteModes sites;

    @Inject
    Surges surges;

    @Inject
    Campaigns campaigns;

    /** One comment's situation; the campaign comparison runs once, when a rule or the recording first needs it. */
    final class Moment implements Submission.Situation {

        private final Actor actor;
        private final String articleId;
        private final boolean articlePremoderated;
        private final MatchText text;
        private final Long self;
        private final SiteMode mode;
        private final SurgeStep step;
        private Campaigns.Match match;

        Moment(Actor actor, String articleId, boolean articlePremoderated, MatchText text, Long self) {
            this.actor = actor;
            this.articleId = articleId;
            this.articlePremoderated = articlePremoderated;
            this.text = text;
            this.self = self;
            this.mode = sites.mode();
            this.step = surges.step(articleId);
        }

        public boolean articlePremoderated() {
            return articlePremoderated;
        }

        public SiteMode siteMode() {
            return mode;
        }

        public SurgeStep surgeStep() {
            return step;
        }

        public boolean inHoldingCampaign() {
            return match().holds();
        }

        private Campaigns.Match match() {
            if (match == null) {
                match = campaigns.match(text, actor.userId(), articleId, self);
            }
            return match;
        }

        /** Keeps the comment's signature, and makes the campaign its group just became. */
        void record(long commentId) {
            campaigns.record(match(), commentId, actor.userId(), articleId, self != null);
        }
    }

    Moment of(Actor actor, String articleId, boolean articlePremoderated, MatchText text, Long commentId) {
        return new Moment(actor, articleId, articlePremoderated, text, commentId);
    }
}
