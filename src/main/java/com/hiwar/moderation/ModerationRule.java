package com.hiwar.moderation;

/**
 * One independent moderation rule. Rules know nothing of each other; the pipeline combines
 * their verdicts. A later classifier learned from moderators' decisions is one more rule.
 */
public interface ModerationRule {

    String name();

    /** Soft rules guard against the likely, not the certain; trusted users and moderators skip them. */
    boolean soft();

    Verdict evaluate(Submission submission);
}
