package com.hiwar.ratelimit;

import com.hiwar.http.ClientAddress;
import com.hiwar.problem.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one gate every mutating endpoint passes. Each action has limits per user, per user and
 * article, and per client address; all of a request's buckets are decided in one Redis round
 * trip. When Redis is unreachable the configured policy applies: a tighter per-instance
 * limiter, or a 503.
 */
@ApplicationScoped
public class RateLimiter {

    /**
     * Who writes: {@code key} identifies them across requests (the token's subject), {@code trusted}
     * (trusted readers, moderators) gets larger bursts.
     */
    public record Requester(String key, boolean trusted) {}

    private static final int WARM_CONNECTIONS = 16;

    private final RateLimitConfig config;
    private final Gcra redisGcra;
    private final Gcra localGcra = new LocalGcra();
    private final Map<String, RateLimitPolicy> policies = new HashMap<>();

    @Inject
    RedisAvailability availability;

    @Inject
    ClientAddress clientAddress;

    @Inject
    RateLimitState state;

    @Inject
    MeterRegistry metrics;

    @Inject
    public RateLimiter(RateLimitConfig config, RedisDataSource redis,
                       @ConfigProperty(name = "quarkus.redis.client-type", defaultValue = "standalone") String clientType) {
        this.config = config;
        this.redisGcra = new RedisGcra(redis, "cluster".equalsIgnoreCase(clientType));
        config.actions().forEach((action, spec) -> policies.put(action, RateLimitPolicy.parse(action, spec)));
    }

    /**
     * Opens Redis connections and loads the script before traffic arrives: a cold first call
     * (connection handshake, class loading, the script sent once) can exceed the 100 ms command
     * timeout and would be mistaken for an outage. Keyed commands on spread keys reach every
     * node of a Redis Cluster, not just one. A Redis that is down at start-up only marks the
     * limiter degraded.
     */
    void warmUp(@Observes StartupEvent event, ReactiveRedisDataSource reactive) {
        if (!config.enabled()) {
            return;
        }
        try {
            List<Uni<Response>> opens = new ArrayList<>();
            for (int i = 0; i < WARM_CONNECTIONS; i++) {
                opens.add(reactive.execute("EXISTS", "rl:warm-up:" + i));
            }
            Uni.join().all(opens).andFailFast().await().atMost(Duration.ofSeconds(5));
            for (int i = 0; i < WARM_CONNECTIONS; i++) {
                redisGcra.acquire(List.of(new Gcra.Bucket("rl:warm-up:" + i, new Gcra.Limit("warm-up", 1, Duration.ofMillis(1)))));
            }
        } catch (RuntimeException e) {
            availability.failed(e);
        }
    }

    /**
     * Takes a token of {@code action} for the requester, its address and (when the action limits
     * per article) the article, or throws a 429 problem. {@code articleId} may be null.
     */
    public void check(String action, Requester who, String articleId) {
        if (config.enabled()) {
            decide(action, buckets(action, who.key(), articleId, who.trusted() ? config.trustedFactor() : 1.0));
        }
    }

    /** The steady interval between two writes of the action by one reader (its per-user, else per-article limit), when configured. */
    public java.util.Optional<Duration> interval(String action) {
        RateLimitPolicy policy = policies.get(action);
        Gcra.Limit limit = policy == null ? null : policy.limits().getOrDefault(RateLimitPolicy.Scope.USER,
                policy.limits().get(RateLimitPolicy.Scope.ARTICLE));
        return limit == null ? java.util.Optional.empty() : java.util.Optional.of(limit.period().dividedBy(limit.burst()));
    }

    /** For unauthenticated endpoints: the client address is the only key. */
    public void checkAnonymous(String action) {
        if (config.enabled()) {
            decide(action, buckets(action, null, null, 1.0));
        }
    }

    private List<Gcra.Bucket> buckets(String action, String subject, String articleId, double factor) {
        RateLimitPolicy policy = policies.get(action);
        if (policy == null) {
            throw new IllegalStateException("No limits configured for the write action " + action
                    + ": add hiwar.ratelimit.actions." + action + " to the configuration");
        }
        String prefix = "rl:" + action + ":";
        List<Gcra.Bucket> buckets = new ArrayList<>(3);
        policy.limits().forEach((scope, limit) -> {
            String id = switch (scope) {
                case USER -> subject;
                case ARTICLE -> subject == null || articleId == null ? null : subject + ":" + articleId;
                case IP -> clientAddress.rateLimitKey();
            };
            if (id != null) {
                buckets.add(new Gcra.Bucket(prefix + scope.label() + ":" + id, limit.scaled(factor)));
            }
        });
        return buckets;
    }

    private void decide(String action, List<Gcra.Bucket> buckets) {
        if (buckets.isEmpty()) {
            return;
        }
        Gcra.Decision decision = null;
        String store = "redis";
        if (availability.shouldTry()) {
            try {
                decision = redisGcra.acquire(buckets);
                availability.succeeded();
            } catch (RedisGcra.Unavailable e) {
                availability.failed(e);
            }
        }
        if (decision == null) {
            if (config.onRedisFailure() == RateLimitConfig.OnRedisFailure.REJECT) {
                count(action, "unavailable", "none");
                throw new ProblemException(503, "rate-limiter-unavailable", "Writes paused",
                        "The rate limiter cannot reach its store; try again shortly", List.of(),
                        Map.of("Retry-After", Long.toString(Math.max(1, config.redisRetryInterval().toSeconds()))));
            }
            store = "local";
            double factor = config.localFactor();
            decision = localGcra.acquire(buckets.stream()
                    .map(b -> new Gcra.Bucket(b.key(), b.limit().scaled(factor))).toList());
        }
        state.record(decision);
        count(action, decision.allowed() ? "allowed" : "limited", store);
        if (!decision.allowed()) {
            long retry = Math.max(1, ceilSeconds(decision.retryAfter()));
            throw new ProblemException(429, "rate-limited", "Too many requests",
                    "Slow down: try again in " + retry + " s", List.of(),
                    Map.of("Retry-After", Long.toString(retry),
                            "RateLimit-Policy", policy(decision),
                            "RateLimit", remaining(decision)));
        }
    }

    private void count(String action, String outcome, String store) {
        metrics.counter("hiwar.ratelimit.decisions", "action", action, "outcome", outcome, "store", store)
                .increment();
    }

    /** Every limit the request was counted against (IETF RateLimit-Policy, a list). */
    static String policy(Gcra.Decision d) {
        return d.policies().stream()
                .map(l -> "\"" + l.name() + "\";q=" + l.burst() + ";w=" + l.period().toSeconds())
                .collect(Collectors.joining(", "));
    }

    /** The binding limit's quota left and seconds until it is full again. */
    static String remaining(Gcra.Decision d) {
        return "\"" + d.limit().name() + "\";r=" + d.remaining() + ";t=" + ceilSeconds(d.reset());
    }

    private static long ceilSeconds(Duration d) {
        return (d.toMillis() + 999) / 1000;
    }
}
