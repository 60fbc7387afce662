package com.hiwar.notification;

/** A reader was just notified (a reply, or a decision on their comment); fired inside that transaction. */
public record Notified(long userId, long notificationId, String kind) {}
