/**
 * Cross-instance signals through Redis: an owner announces that its state changed, and every
 * instance reloads it off the Redis event loop. Used by the word lists and the model versions.
 *
 * <p>Owns: no table (the Redis channels its users name).
 * <p>May use: nothing.
 */
package com.hiwar.signal;
