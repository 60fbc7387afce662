/**
 * Live updates over SSE: events published through Redis to every instance, per-article history for
 * catch-up, per-client stream slots.
 *
 * <p>Owns: no table (Redis streams and pub/sub).
 * <p>May use: article, comment, http, problem, reaction, redis.
 */
package com.hiwar.live;
