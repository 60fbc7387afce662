package com.hiwar.ratelimit;

import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of writes. Without Redis the instance still serves reads and, under the default
 * policy, limited writes: it stays ready but reports "degraded", so a Redis outage cannot take
 * every instance out of the load balancer at once. Under the reject policy it is not ready.
 * Each probe pings Redis, so recovery is noticed even when no writes arrive.
 */
@Readiness
@ApplicationScoped
class RateLimiterReadiness implements HealthCheck {

    @Inject
    RedisDataSource redis;

    @Inject
    RedisAvailability availability;

    @Inject
    RateLimitConfig config;

    @Override
    public HealthCheckResponse call() {
        try {
            redis.execute("PING");
            availability.succeeded();
        } catch (RuntimeException e) {
            availability.failed(e);
        }
        HealthCheckResponseBuilder response = HealthCheckResponse.named("rate-limiter")
                .withData("enabled", config.enabled());
        if (availability.isUp()) {
            return response.up().withData("redis", "up").withData("mode", "shared").build();
        }
        response.withData("redis", "down").withData("error", availability.lastError());
        if (config.onRedisFailure() == RateLimitConfig.OnRedisFailure.REJECT) {
            return response.down().withData("mode", "rejecting writes").build();
        }
        return response.up().withData("mode", "degraded: per-instance limits").build();
    }
}
