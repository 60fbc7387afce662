package com.hiwar.auth;

/** A user's display name changed or went (erasure); fired inside that transaction. */
public record NameChanged(long userId) {}
