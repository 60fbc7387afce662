package com.hiwar.moderation;

import com.hiwar.moderation.rules.AuthorRules;
import com.hiwar.moderation.rules.ContactRule;
import com.hiwar.moderation.rules.CrowdRules;
import com.hiwar.moderation.model.ModelSource;
import com.hiwar.moderation.rules.LinkRule;
import com.hiwar.moderation.rules.ModelRule;
import com.hiwar.moderation.rules.ModerationPipeline;
import com.hiwar.moderation.rules.ModerationRule;
import com.hiwar.moderation.rules.ShoutingRule;
import com.hiwar.moderation.rules.TermMatcher;
import com.hiwar.moderation.rules.TermsRule;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Assembles the rule list from configuration; shared by the service and the offline evaluation. */
final class Pipelines {

    private Pipelines() {}

    /**
     * {@code lists} holds both word lists, compiled together; {@code established} is how many
     * published comments make a reader established under the site's pre-new mode.
     */
    public static ModerationPipeline build(ModerationConfig config, Supplier<TermMatcher> lists, ModelSource model,
                                           int established) {
        List<ModerationRule> rules = new ArrayList<>();
        if (config.terms().enabled()) {
            rules.add(TermsRule.banned(lists));
            rules.add(TermsRule.suspect(lists));
        }
        if (config.model().enabled()) {
            ModelRule.Thresholds thresholds = new ModelRule.Thresholds(config.model().rejectAt(), config.model().holdAt());
            rules.add(new ModelRule(model::active, thresholds));
        }
        rules.add(AuthorRules.preModeration());
        rules.add(CrowdRules.siteMode(established));
        rules.add(CrowdRules.surgeHold());
        rules.add(CrowdRules.historyHold());
        rules.add(CrowdRules.campaign());
        if (config.links().enabled()) {
            rules.add(new LinkRule(config.links().allowedDomains().orElse(List.of())));
        }
        if (config.contact().enabled()) {
            rules.add(new ContactRule(config.contact().minPhoneDigits()));
        }
        if (config.shouting().enabled()) {
            ModerationConfig.Shouting shouting = config.shouting();
            rules.add(new ShoutingRule(new ShoutingRule.Limits(shouting.minLetters(), shouting.capitalShare(),
                    shouting.maxWordRepeats(), shouting.maxPunctuationRun())));
        }
        if (config.repeat().enabled()) {
            rules.add(AuthorRules.repeatPost());
        }
        if (config.newCommenterPending() > 0) {
            rules.add(AuthorRules.newCommenter(config.newCommenterPending()));
        }
        return new ModerationPipeline(rules);
    }
}
