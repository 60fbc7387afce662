package com.hiwar.ratelimit;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
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
 * Each probe pings Redis, so recovery is noticed even when no writes arrive; it does not wait for
 * the answer, but reports what the last answers said. A stalled Redis answers nothing for the
 * client's whole timeout (500 ms), as long as a balancer gives a check: a probe that waited timed
 * out at every instance together, and the balancer took them all out of service (FaultSoakIT's
 * Redis stall: hundreds of 503s from HAProxy while the instances could serve).
 */
@Readiness
@ApplicationScoped
class RateLimiterReadiness implements HealthCheck {

    @Inject
    ReactiveRedisDataSource redis;

    @Inject
    RedisAvailability availability;

    @Inject
    RateLimitConfig config;

    @Override
    public HealthCheckResponse call() {
        redis.execute("PING").subscribe().with(pong -> availability.succeeded(), availability::failed);
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
