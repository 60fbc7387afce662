package com.hiwar.auth;

import java.util.Set;

/**
 * The signed-in, not-banned user a write is performed for, as read at the start of the request:
 * the display name their token gave, {@code trusted} (a token claim, or a moderator's grant:
 * looser rate limits), {@code premoderated} (a moderator's hold on everything they write) and
 * {@code heldReason} (held for their record until a moderator approves one of their comments)
 * and {@code desks}: the sections a moderator's token limits them to (empty: every article).
 */
public record Actor(long userId, String subject, String name, Set<String> groups, boolean trusted, boolean premoderated,
                    String heldReason, Set<String> desks) {

    public static final String MODERATOR = "moderator";
    public static final String ADMIN = "admin";

    public boolean isAdmin() {
        return groups.contains(ADMIN);
    }

    public boolean isModerator() {
        return groups.contains(MODERATOR) || groups.contains(ADMIN);
    }

    /** The sections this moderator is limited to, or null when they see every article (admins always do). */
    public Set<String> deskScope() {
        return isAdmin() || desks.isEmpty() ? null : desks;
    }

    /** Whether an article of this section (null: none) is in this moderator's desks. */
    public boolean covers(String section) {
        Set<String> scope = deskScope();
        return scope == null || section != null && scope.contains(section);
    }

    /** Refuses what lies outside this moderator's desks. */
    public void requireDesk(String section) {
        if (!covers(section)) {
            throw com.hiwar.problem.ProblemException.forbidden("outside-desk", "Outside your desks",
                    "This article is in " + (section == null ? "no section" : "the section " + section)
                            + "; your desks are " + String.join(", ", desks));
        }
    }
}
