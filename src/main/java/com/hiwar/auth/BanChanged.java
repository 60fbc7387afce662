package com.hiwar.auth;

import java.time.Instant;

/**
 * A moderator banned or unbanned an account; fired inside that transaction.
 *
 * @param until the ban's end, null for a permanent one (or when unbanned)
 */
public record BanChanged(long userId, boolean banned, Instant until, String moderator, String reason) {}
