package com.hiwar.moderation.rules;

/**
 * Rules about the moment rather than the text: the site's mode, the article's surge, a reader's
 * record, and campaigns across readers. Each is independent; moderators are never held by them.
 */
public final class CrowdRules {

    private CrowdRules() {}

    /**
     * The site-wide mode. Hard: trusted readers are held by {@code pre} too (it is a policy),
     * while {@code pre-new} lets through whoever is trusted or has {@code established} published comments.
     */
    public static ModerationRule siteMode(int established) {
        return ModerationRule.of("site-mode", false, s -> {
            if (s.author().moderator()) {
                return Verdict.PUBLISH;
            }
            return switch (s.situation().siteMode()) {
                case POST -> Verdict.PUBLISH;
                case PRE -> Verdict.of(Decision.PENDING, Reason.of("site-mode", "pre", "The whole site is pre-moderated now"));
                case PRE_NEW -> s.author().trusted() || s.author().publishedComments() >= established ? Verdict.PUBLISH
                        : Verdict.of(Decision.PENDING, Reason.of("site-mode", "pre-new",
                                "Comments of readers who are not yet established are reviewed site-wide now"));
            };
        });
    }

    /** The surge autopilot's held step: new comments wait, trusted readers' excepted (a soft rule). */
    public static ModerationRule surgeHold() {
        return ModerationRule.of("surge", true, s -> s.situation().surgeStep().atLeast(SurgeStep.HELD)
                ? Verdict.of(Decision.PENDING, Reason.of("surge", "held", "This article is busy: comments are reviewed first"))
                : Verdict.PUBLISH);
    }

    /** A reader held for their record (rejections, reports) until a moderator approves one of their comments. */
    public static ModerationRule historyHold() {
        return ModerationRule.of("history-hold", false, s -> {
            String reason = s.author().moderator() ? null : s.author().heldReason();
            return reason == null ? Verdict.PUBLISH
                    : Verdict.of(Decision.PENDING, Reason.of("history-hold", reason, "Held for this reader's recent record"));
        });
    }

    /** A text that joins a coordinated campaign past its size: held for one decision on the whole group. */
    public static ModerationRule campaign() {
        return ModerationRule.of("campaign", true, s -> s.situation().inHoldingCampaign()
                ? Verdict.of(Decision.PENDING, Reason.of("campaign", "near-duplicate",
                        "Near-identical text from many accounts: held for one decision on the whole campaign"))
                : Verdict.PUBLISH);
    }
}
