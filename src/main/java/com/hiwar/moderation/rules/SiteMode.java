package com.hiwar.moderation.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The whole site's moderation mode; per-article settings apply on top. */
public enum SiteMode {
    /** Comments publish unless a rule holds them (the everyday mode). */
    POST,
    /** Every comment waits for a moderator. */
    PRE,
    /** Comments of readers who are not yet established wait for a moderator. */
    PRE_NEW;

    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<SiteMode> parse(String wire) {
        return Arrays.stream(values()).filter(m -> m.wire().equals(wire)).findFirst();
    }
}
