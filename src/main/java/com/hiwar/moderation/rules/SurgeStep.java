package com.hiwar.moderation.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How far the surge autopilot has moved an article, in order: each step includes the ones before. */
public enum SurgeStep {
    NORMAL,
    /** Tighter per-reader limits on the article. */
    SLOW,
    /** New comments wait for review, except trusted readers'. */
    HELD,
    /** No new comments (an optional last step). */
    CLOSED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SurgeStep> parse(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst();
    }

    public static SurgeStep of(int level) {
        return values()[Math.max(0, Math.min(level, values().length - 1))];
    }

    public boolean atLeast(SurgeStep other) {
        return compareTo(other) >= 0;
    }
}
