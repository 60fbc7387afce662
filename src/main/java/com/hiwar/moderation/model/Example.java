package com.hiwar.moderation.model;

import java.util.regex.Pattern;

/**
 * One labelled text for training or evaluation: where it came from, and whether it is offensive.
 * {@code weight} repeats the example in training (moderators' own decisions count more than
 * tweets).
 */
public record Example(String source, String id, String text, boolean offensive, int weight) {

    // Tweets' placeholders and mentions say nothing about comments; learning them would be learning Twitter.
    private static final Pattern TWEET_ARTIFACTS =
            Pattern.compile("@\\S+|\\bRT\\b|\\bURL\\b|<LF>|\\bUSER\\b|https?://\\S+", Pattern.CASE_INSENSITIVE);

    public Example {
        if (weight < 1) {
            throw new IllegalArgumentException("weight must be at least 1");
        }
    }

    public Example(String source, String id, String text, boolean offensive) {
        this(source, id, text, offensive, 1);
    }

    /** The text with tweet artifacts removed, as training and evaluation read it. */
    public String cleanText() {
        return TWEET_ARTIFACTS.matcher(text).replaceAll(" ");
    }

    /**
     * The fixed split: one example in five, chosen by a hash of source and id, is for testing
     * only. The same row is on the same side on every machine and in every run.
     */
    public boolean heldOut() {
        return Math.floorMod((source + ":" + id).hashCode() * 0x9E3779B1, 5) == 0;
    }
}
