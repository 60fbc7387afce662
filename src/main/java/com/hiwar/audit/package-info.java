/**
 * The audit log: status changes logged by a database trigger with the actor a transaction
 * declares, other actions recorded explicitly, and the log's pages and statistics for moderators.
 *
 * <p>Owns: moderation_audit.
 * <p>May use: article, auth, db, problem.
 */
package com.hiwar.audit;
