package com.hiwar.ratelimit;

import com.hiwar.auth.Actor;
import com.hiwar.problem.ProblemException;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.configuration.DurationConverter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The one gate every mutating endpoint passes: a GCRA per action and user, in Redis. */
@ApplicationScoped
public class RateLimiter {

    public enum Action { COMMENT_CREATE, COMMENT_EDIT, COMMENT_DELETE }

    private final boolean enabled;
    private final Gcra gcra;
    private final Map<Action, Gcra.Limit> limits;

    @Inject
    RateLimitState state;

    @Inject
    public RateLimiter(RateLimitConfig config, RedisDataSource redis) {
        this.enabled = config.enabled();
        this.gcra = new Gcra(redis);
        this.limits = Map.of(
                Action.COMMENT_CREATE, parse("comment-create", config.commentCreate()),
                Action.COMMENT_EDIT, parse("comment-edit", config.commentEdit()),
                Action.COMMENT_DELETE, parse("comment-delete", config.commentDelete()));
    }

    /** Takes one token for the actor, or throws a 429 problem carrying Retry-After and the RateLimit headers. */
    public void check(Action action, Actor actor) {
        if (!enabled) {
            return;
        }
        Gcra.Limit limit = limits.get(action);
        Gcra.Decision decision = gcra.acquire("rl:" + limit.name() + ":sub:" + actor.subject(), limit);
        state.record(decision);
        if (!decision.allowed()) {
            long retry = Math.max(1, ceilSeconds(decision.retryAfter()));
            throw new ProblemException(429, "rate-limited", "Too many requests",
                    "Slow down: try again in " + retry + " s", List.of(),
                    Map.of("Retry-After", Long.toString(retry),
                            "RateLimit-Policy", policy(decision),
                            "RateLimit", remaining(decision)));
        }
    }

    static String policy(Gcra.Decision d) {
        return "\"" + d.limit().name() + "\";q=" + d.limit().burst() + ";w=" + d.limit().period().toSeconds();
    }

    static String remaining(Gcra.Decision d) {
        return "\"" + d.limit().name() + "\";r=" + d.remaining() + ";t=" + ceilSeconds(d.reset());
    }

    private static long ceilSeconds(Duration d) {
        return (d.toMillis() + 999) / 1000;
    }

    static Gcra.Limit parse(String name, String spec) {
        String[] parts = spec.split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("hiwar.ratelimit." + name + " must look like 3/45s, not " + spec);
        }
        Duration period = new DurationConverter().convert(parts[1].trim());
        return new Gcra.Limit(name, Integer.parseInt(parts[0].trim()), period);
    }
}
