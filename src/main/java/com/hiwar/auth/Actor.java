package com.hiwar.auth;

import java.util.Set;

/**
 * The signed-in, not-banned user a write is performed for, with the display name their token
 * gave. {@code trusted} readers (a token claim, or a moderator's grant) get looser rate limits.
 */
public record Actor(long userId, String subject, String name, Set<String> groups, boolean trusted) {

    public static final String MODERATOR = "moderator";
    public static final String ADMIN = "admin";

    public boolean isAdmin() {
        return groups.contains(ADMIN);
    }

    public boolean isModerator() {
        return groups.contains(MODERATOR) || groups.contains(ADMIN);
    }
}
