/**
 * A reader's own account: profile with counts, the data export and erasure. Erasure calls each
 * table's owner in turn; it writes no SQL of its own.
 *
 * <p>Owns: no table.
 * <p>May use: article, audit, auth, comment, email, idempotency, moderation, moderation.people, notification, problem, reaction, report.
 */
package com.hiwar.account;
