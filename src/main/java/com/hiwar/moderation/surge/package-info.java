/**
 * The surge autopilot: per-article rates in Redis (comments, reports, the share held, new
 * commenters) move a busy article through slow, held and closed, and back after calm periods;
 * moderators see the hot articles and pin or release them.
 *
 * <p>Owns: surge_settings (pins and per-article thresholds; the rates and steps are Redis keys).
 * <p>May use: article, audit, auth, comment, idempotency, moderation.rules, problem, ratelimit, redis, report, signal, text.
 */
package com.hiwar.moderation.surge;
