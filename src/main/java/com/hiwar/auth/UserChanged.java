package com.hiwar.auth;

/** What a user's writes are checked against (ban, trust, pre-moderation, hold, erasure) changed; fired inside that transaction. */
public record UserChanged(long userId) {}
