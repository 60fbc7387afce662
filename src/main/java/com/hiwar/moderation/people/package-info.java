/**
 * Readers and articles as moderators see them: profiles, bans, trust, pre-moderation, notes, and
 * article settings.
 *
 * <p>Owns: moderator_notes.
 * <p>May use: article, audit, auth, comment, db, moderation.campaign, moderation.queue, problem, report, text.
 */
package com.hiwar.moderation.people;
