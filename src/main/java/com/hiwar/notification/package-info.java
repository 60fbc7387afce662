/**
 * What a reader is told: replies to their comments and moderators' decisions on them, written in
 * the transaction that caused them.
 *
 * <p>Owns: notifications.
 * <p>May use: article, auth, comment, db, idempotency, problem.
 */
package com.hiwar.notification;
