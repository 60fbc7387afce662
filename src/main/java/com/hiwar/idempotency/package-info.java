/**
 * Safe retries: an Idempotency-Key replays the first answer, and {@link
 * com.hiwar.idempotency.Writes} is the path every reader write takes (replay, rate limit, write).
 *
 * <p>Owns: idempotency_keys.
 * <p>May use: auth, db, problem, ratelimit.
 */
package com.hiwar.idempotency;
