package com.hiwar.moderation.rules;

import java.util.Locale;

/** The two lists: banned terms reject, suspect terms hold for review. */
public enum WordListName {
    BANNED, SUSPECT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The list shipped with Hiwar, seeded into an empty database. */
    public String defaultResource() {
        return "/moderation/" + id() + ".txt";
    }

    public static WordListName parse(String id) {
        for (WordListName n : values()) {
            if (n.id().equals(id)) {
                return n;
            }
        }
        return null;
    }
}
