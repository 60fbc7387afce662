package com.hiwar.moderation;

/** Rules about who is writing and where, rather than what. */
final class AuthorRules {

    private AuthorRules() {}

    /** New commenters wait for review until N of their comments are published. */
    static ModerationRule newCommenter(int n) {
        return new ModerationRule() {
            public String name() {
                return "new-commenter";
            }

            public boolean soft() {
                return true;
            }

            public Verdict evaluate(Submission s) {
                return s.author().publishedComments() < n
                        ? Verdict.of(Decision.PENDING, Reason.of(name(), "new-commenter",
                                "First comments of a new commenter are reviewed"))
                        : Verdict.PUBLISH;
            }
        };
    }

    /** The same text again from the same user (compared normalized) is withheld. */
    static ModerationRule repeatPost() {
        return new ModerationRule() {
            public String name() {
                return "repeat-post";
            }

            public boolean soft() {
                return true;
            }

            public Verdict evaluate(Submission s) {
                return s.author().postedRecently(s.text().full().text())
                        ? Verdict.of(Decision.PENDING, Reason.of(name(), "duplicate", "Same text posted again"))
                        : Verdict.PUBLISH;
            }
        };
    }

    /** Pre-moderation of an article, or of a user: everything waits. Moderators are exempt. */
    static ModerationRule preModeration() {
        return new ModerationRule() {
            public String name() {
                return "pre-moderation";
            }

            public boolean soft() {
                return false; // trusted readers are held too: pre-moderation is a policy, not a guess
            }

            public Verdict evaluate(Submission s) {
                if (s.author().moderator()) {
                    return Verdict.PUBLISH;
                }
                if (s.articlePremoderated()) {
                    return Verdict.of(Decision.PENDING, Reason.of(name(), "article", "This article is pre-moderated"));
                }
                if (s.author().premoderated()) {
                    return Verdict.of(Decision.PENDING, Reason.of(name(), "user", "This user is pre-moderated"));
                }
                return Verdict.PUBLISH;
            }
        };
    }
}
