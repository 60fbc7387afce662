package com.hiwar.moderation.rules;

import java.util.ArrayList;
import java.util.List;

/** Runs every rule and keeps the strongest verdict with all the reasons that led to it. */
public final class ModerationPipeline {

    private final List<ModerationRule> rules;

    public ModerationPipeline(List<ModerationRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<ModerationRule> rules() {
        return rules;
    }

    public Verdict evaluate(Submission submission) {
        boolean exempt = submission.author().trusted() || submission.author().moderator();
        Decision decision = Decision.PUBLISH;
        List<Reason> reasons = new ArrayList<>();
        for (ModerationRule rule : rules) {
            if (rule.soft() && exempt) {
                continue;
            }
            Verdict v = rule.evaluate(submission);
            if (v.decision() != Decision.PUBLISH) {
                decision = decision.strongest(v.decision());
                reasons.addAll(v.reasons());
            }
        }
        // Reasons for a weaker outcome stay: a rejected comment also shows what else fired.
        return Verdict.of(decision, reasons);
    }
}
