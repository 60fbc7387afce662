/**
 * Readers' reports: weighted, hiding a comment at the threshold, settled by a moderator's
 * decision.
 *
 * <p>Owns: comment_reports.
 * <p>May use: audit, auth, comment, db, idempotency, problem, text.
 */
package com.hiwar.report;
