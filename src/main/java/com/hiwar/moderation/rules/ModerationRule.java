package com.hiwar.moderation.rules;

/**
 * One independent moderation rule. Rules know nothing of each other; the pipeline combines
 * their verdicts. A later classifier learned from moderators' decisions is one more rule.
 */
public interface ModerationRule {

    String name();

    /** Soft rules guard against the likely, not the certain; trusted users and moderators skip them. */
    boolean soft();

    Verdict evaluate(Submission submission);

    /** A rule from a name, its softness and a function: for rules with no state of their own. */
    static ModerationRule of(String name, boolean soft, java.util.function.Function<Submission, Verdict> evaluate) {
        return new Named(name, soft) {
            @Override
            public Verdict evaluate(Submission submission) {
                return evaluate.apply(submission);
            }
        };
    }

    /** Holds a rule's name and softness, so rules only write their check. */
    abstract class Named implements ModerationRule {

        private final String name;
        private final boolean soft;

        protected Named(String name, boolean soft) {
            this.name = name;
            this.soft = soft;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean soft() {
            return soft;
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
