/**
 * The moderators' queues: keyset pages with filters, exact counts, claims under a lease, decisions
 * on a named version, statistics, and the dashboard page.
 *
 * <p>Owns: no table (comments through CommentStore, decisions through ModerationDecision).
 * <p>May use: article, audit, auth, comment, db, http, moderation, moderation.rules, problem, report, text.
 */
package com.hiwar.moderation.queue;
