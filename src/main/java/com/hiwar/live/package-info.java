/**
 * Live updates over SSE: events published on each article's Redis channel (sharded pub/sub) to the
 * instances with its readers, article ids announced to every instance, per-article history for
 * catch-up, per-client stream slots.
 *
 * <p>Owns: no table (Redis streams and pub/sub).
 * <p>May use: article, comment, http, moderation.surge, problem, reaction, redis.
 */
package com.hiwar.live;
