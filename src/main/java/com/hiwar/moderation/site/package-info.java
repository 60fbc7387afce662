/**
 * Site-wide moderation settings: the mode every comment on the site is decided under (post,
 * pre, pre-new), set by admins, audited, and announced to every instance through Redis.
 *
 * <p>Owns: site_settings.
 * <p>May use: audit, auth, idempotency, moderation.rules, problem, signal, text.
 */
package com.hiwar.moderation.site;
