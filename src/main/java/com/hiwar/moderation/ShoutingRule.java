package com.hiwar.moderation;

import com.hiwar.text.MatchText;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shouting and flooding: a Latin-script comment mostly in capitals (Arabic has no case, and
 * acronyms or handles inside Arabic text are not shouting), one word making up most of a
 * comment, or long runs of one punctuation mark. Long laughter (ههههههه) collapses to one
 * token, and chants like "يا ... يا ... يا" are not flooding.
 */
public final class ShoutingRule implements ModerationRule {

    private final ModerationConfig.Shouting config;

    public ShoutingRule(ModerationConfig.Shouting config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "shouting";
    }

    @Override
    public boolean soft() {
        return true;
    }

    @Override
    public Verdict evaluate(Submission submission) {
        String body = submission.body();
        int letters = 0, latin = 0, capitals = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
            }
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                latin++;
                if (c <= 'Z') {
                    capitals++;
                }
            }
        }
        if (latin >= config.minLetters() && latin * 2 >= letters && capitals >= config.capitalShare() * latin) {
            return Verdict.of(Decision.PENDING, Reason.of(name(), "capitals", "Written in capitals"));
        }
        MatchText text = submission.text();
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < text.tokens().size(); i++) {
            MatchText.Token t = text.tokens().get(i);
            int n = counts.merge(t.full(), 1, Integer::sum);
            if (n >= config.maxWordRepeats() && n * 2 >= text.tokens().size()) {
                return Verdict.of(Decision.PENDING, new Reason(name(), "repeated-word",
                        "The same word " + config.maxWordRepeats() + " times", t.full(), t.start(), t.end()));
            }
        }
        int run = 1;
        for (int i = 1; i < body.length(); i++) {
            char c = body.charAt(i);
            // Only ! and ? count: runs of dots are the Arabic ellipsis, dashes and stars are rules and lines.
            run = c == body.charAt(i - 1) && (c == '!' || c == '?' || c == '؟') ? run + 1 : 1;
            if (run == config.maxPunctuationRun()) {
                int start = i - run + 1;
                return Verdict.of(Decision.PENDING, new Reason(name(), "punctuation-run", "Long run of «" + c + "»",
                        String.valueOf(c), start, i + 1));
            }
        }
        return Verdict.PUBLISH;
    }
}
