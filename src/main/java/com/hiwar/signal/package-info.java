/**
 * Cross-instance signals through Redis: an owner announces that its state changed, and every
 * instance reloads it off the Redis event loop. Used by the word lists and the model versions;
 * and the copies of rows an owner keeps on every instance for a hot path ({@link
 * com.hiwar.signal.KeptCopies}), dropped everywhere as a change commits.
 *
 * <p>Owns: no table (the Redis channels its users name).
 * <p>May use: redis.
 */
package com.hiwar.signal;
