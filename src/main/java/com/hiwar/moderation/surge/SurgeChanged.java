package com.hiwar.moderation.surge;

import java.time.Instant;

/**
 * An article moved to another step; fired inside the transaction that audits it.
 *
 * @param actor      "system" for the autopilot, the moderator's login for a pin or release
 * @param trigger    what moved it: the figures over a threshold, a calm period, or a pin
 * @param overtaken  a later change of step reached the index first: history, no longer the article's step
 */
public record SurgeChanged(String articleId, String from, String to, Surges.Figures figures, String trigger,
                           String actor, long waitSeconds, Instant at, boolean overtaken) {}
