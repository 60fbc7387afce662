package com.hiwar.moderation.rules;

/** What the pipeline decides for a comment; the strongest verdict of all rules wins. */
public enum Decision {
    PUBLISH, PENDING, REJECT;

    Decision strongest(Decision other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
