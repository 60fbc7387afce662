package com.hiwar.moderation.rules;

import com.hiwar.text.MatchText;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** A word list: every hit, found through normalization, clitics and Arabizi, is a reason. */
public final class TermsRule extends ModerationRule.Named {

    private final WordListName list;
    private final Supplier<TermMatcher> matcher;
    private final Decision decision;

    /** Banned terms reject (a hard rule); suspect terms hold for review (a soft one). */
    public static TermsRule banned(Supplier<TermMatcher> matcher) {
        return new TermsRule("banned-terms", WordListName.BANNED, matcher, Decision.REJECT);
    }

    public static TermsRule suspect(Supplier<TermMatcher> matcher) {
        return new TermsRule("suspect-terms", WordListName.SUSPECT, matcher, Decision.PENDING);
    }

    private TermsRule(String name, WordListName list, Supplier<TermMatcher> matcher, Decision decision) {
        super(name, decision != Decision.REJECT);
        this.list = list;
        this.matcher = matcher;
        this.decision = decision;
    }



    @Override
    public Verdict evaluate(Submission submission) {
        MatchText text = submission.text();
        List<Reason> reasons = new ArrayList<>();
        for (TermMatcher.Hit hit : submission.hits(matcher.get())) {
            if (hit.list() != list) {
                continue;
            }
            String found = text.original().substring(hit.start(), hit.end());
            reasons.add(new Reason(name(), hit.via(), "«" + found + "» matches the listed term «" + hit.entry() + "»",
                    hit.entry(), hit.start(), hit.end()));
        }
        return Verdict.of(decision, reasons);
    }
}
