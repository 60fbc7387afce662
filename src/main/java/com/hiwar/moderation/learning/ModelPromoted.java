package com.hiwar.moderation.learning;

/**
 * A model version became the active one, fired inside that transaction: by an admin (forward or
 * back), or by a training job whose candidate passed the gate.
 *
 * @param reason the gate's reasoning for a trained version; null when an admin chose it
 */
public record ModelPromoted(long version, String by, boolean trained, String reason) {}
