package com.hiwar.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/**
 * Limits per action, each a list of {@code SCOPE:BURST/PERIOD}; the actions and their defaults
 * are in application.properties. Scopes: {@code user} (the
 * token's sub), {@code article} (user and article), {@code ip} (the client address).
 * "user:3/45s" lets 3 through at once and one more every 15 s after that.
 *
 * <p>Defaults sit between WordPress (one comment per 15 s) and Coral (one per 3 s): a reader
 * in a heated thread can answer quickly a few times, a script cannot. The IP scope is loose
 * (offices and mobile carriers put many readers behind one address) but still stops a
 * flood from one host, at Remark42's 0.5 writes per second.
 */
@ConfigMapping(prefix = "hiwar.ratelimit")
public interface RateLimitConfig {

    /** HIWAR_RATELIMIT_ENABLED=false turns limiting off, for benchmarks and bulk imports. */
    @WithDefault("true")
    boolean enabled();

    /**
     * The limits of each action a write declares by name ({@code hiwar.ratelimit.actions.comment-create=...}).
     * The limiter knows no feature: a new kind of write adds its line here and names it where it is defined.
     */
    Map<String, String> actions();

    /** Trusted readers (token claim "trusted": true, or flagged by a moderator) and moderators get bursts this many times larger. */
    @WithDefault("5")
    double trustedFactor();

    /** What writes do while Redis is unreachable. */
    @WithDefault("local")
    OnRedisFailure onRedisFailure();

    /**
     * Bursts scale by this in the per-instance fallback: every instance counts alone, so
     * with N instances a client may get N times the local burst.
     */
    @WithDefault("0.5")
    double localFactor();

    /** While Redis is down, one request per interval tries it again; the rest go straight to the fallback. */
    @WithDefault("2s")
    Duration redisRetryInterval();

    /** Consecutive failed calls that mean Redis is down (readiness degraded, calls skipped). */
    @WithDefault("3")
    int redisFailuresBeforeDown();

    enum OnRedisFailure {
        /** Keep serving with the in-memory limiter (tighter limits). */
        LOCAL,
        /** Refuse limited writes with a 503 problem until Redis is back. */
        REJECT
    }
}
