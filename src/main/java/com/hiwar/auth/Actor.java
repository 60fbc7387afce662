package com.hiwar.auth;

import java.util.Set;

/**
 * The signed-in, not-banned user a write is performed for, as read at the start of the request:
 * the display name their token gave, {@code trusted} (a token claim, or a moderator's grant:
 * looser rate limits), {@code premoderated} (a moderator's hold on everything they write) and
 * {@code heldReason} (held for their record until a moderator approves one of their comments).
 */
public record Actor(long userId, String subject, String name, Set<String> groups, boolean trusted, boolean premoderated,
                    String heldReason) {

    public static final String MODERATOR = "moderator";
    public static final String ADMIN = "admin";

    public boolean isAdmin() {
        return groups.contains(ADMIN);
    }

    public boolean isModerator() {
        return groups.contains(MODERATOR) || groups.contains(ADMIN);
    }
}
