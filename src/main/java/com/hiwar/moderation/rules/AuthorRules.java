package com.hiwar.moderation.rules;

/** Rules about who is writing and where, rather than what. */
public final class AuthorRules {

    private AuthorRules() {}

    /** New commenters wait for review until N of their comments are published. */
    public static ModerationRule newCommenter(int n) {
        return ModerationRule.of("new-commenter", true, s -> s.author().publishedComments() < n
                ? Verdict.of(Decision.PENDING, Reason.of("new-commenter", "new-commenter",
                        "First comments of a new commenter are reviewed"))
                : Verdict.PUBLISH);
    }

    /** The same text again from the same user (compared normalized) is withheld. */
    public static ModerationRule repeatPost() {
        return ModerationRule.of("repeat-post", true, s -> s.author().postedRecently(s.text().full().text())
                ? Verdict.of(Decision.PENDING, Reason.of("repeat-post", "duplicate", "Same text posted again"))
                : Verdict.PUBLISH);
    }

    /**
     * Pre-moderation of an article, or of a user: everything waits. Hard, so trusted readers
     * are held too (it is a policy, not a guess); moderators are exempt.
     */
    public static ModerationRule preModeration() {
        return ModerationRule.of("pre-moderation", false, s -> {
            if (s.author().moderator()) {
                return Verdict.PUBLISH;
            }
            if (s.articlePremoderated()) {
                return Verdict.of(Decision.PENDING, Reason.of("pre-moderation", "article", "This article is pre-moderated"));
            }
            if (s.author().premoderated()) {
                return Verdict.of(Decision.PENDING, Reason.of("pre-moderation", "user", "This user is pre-moderated"));
            }
            return Verdict.PUBLISH;
        });
    }
}
