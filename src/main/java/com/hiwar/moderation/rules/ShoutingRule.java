package com.hiwar.moderation.rules;

import com.hiwar.text.MatchText;
import java.util.List;

/**
 * Shouting and flooding: a Latin-script comment mostly in capitals (Arabic has no case, and
 * acronyms or handles inside Arabic text are not shouting), one word making up most of a
 * comment, or long runs of one punctuation mark. Long laughter (ههههههه) collapses to one
 * token, and chants like "يا ... يا ... يا" are not flooding.
 */
public final class ShoutingRule extends ModerationRule.Named {

    /** Capitals: at least {@code minLetters} Latin letters, {@code capitalShare} of them capitals; repeats and runs: at least this many. */
    public record Limits(int minLetters, double capitalShare, int maxWordRepeats, int maxPunctuationRun) {}

    private final Limits config;

    public ShoutingRule(Limits config) {
        super("shouting", true);
        this.config = config;
    }

    @Override
    public Verdict evaluate(Submission submission) {
        String body = submission.body();
        int latin = 0, capitals = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                latin++;
                if (c <= 'Z') {
                    capitals++;
                }
            }
        }
        // Letters of every script are counted only when the Latin ones could be shouting.
        if (latin >= config.minLetters() && capitals >= config.capitalShare() * latin && latin * 2 >= letters(body)) {
            return Verdict.of(Decision.PENDING, Reason.of(name(), "capitals", "Written in capitals"));
        }
        MatchText.Token flood = floodingWord(submission.text().tokens());
        if (flood != null) {
            return Verdict.of(Decision.PENDING, new Reason(name(), "repeated-word",
                    "One word makes up most of the comment", flood.full(), flood.start(), flood.end()));
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

    private static int letters(String body) {
        int letters = 0;
        for (int i = 0; i < body.length(); i++) {
            if (Character.isLetter(body.charAt(i))) {
                letters++;
            }
        }
        return letters;
    }

    /** The word making up half the comment or more, at least maxWordRepeats times (majority vote, no map). */
    private MatchText.Token floodingWord(List<MatchText.Token> tokens) {
        if (tokens.size() < config.maxWordRepeats()) {
            return null;
        }
        String candidate = null;
        int votes = 0;
        for (MatchText.Token t : tokens) {
            if (votes == 0) {
                candidate = t.full();
                votes = 1;
            } else {
                votes += candidate.equals(t.full()) ? 1 : -1;
            }
        }
        int count = 0;
        MatchText.Token last = null;
        for (MatchText.Token t : tokens) {
            if (t.full().equals(candidate)) {
                count++;
                last = t;
            }
        }
        return count >= config.maxWordRepeats() && count * 2 >= tokens.size() ? last : null;
    }
}
