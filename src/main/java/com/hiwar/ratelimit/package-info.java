/**
 * The rate limiter: GCRA buckets in Redis (per user, per user and article, per address), a per-
 * instance fallback, and the RateLimit headers. Actions and their limits come from configuration;
 * it knows no feature.
 *
 * <p>Owns: no table (Redis keys).
 * <p>May use: http, problem, redis.
 */
package com.hiwar.ratelimit;
