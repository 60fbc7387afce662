package com.hiwar.http;

import com.hiwar.problem.ProblemException;
import com.hiwar.problem.RouteProblems;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The HTTP side of a graceful stop. On SIGTERM readiness goes down and the instance serves on for
 * {@code quarkus.shutdown.delay}, while the balancer takes it out. In the last
 * {@code hiwar.http.refuse-before-close} of it, a request that still arrives gets a 503 problem with
 * Retry-After and Connection: close at once. So when Quarkus then waits for the requests in flight,
 * they finish and nobody is still sending: Quarkus alone would go on serving stragglers until its
 * timeout, then close the port under a request just sent. Live streams answer for themselves:
 * they are told to reconnect.
 */
@ApplicationScoped
class Draining {

    private static final ProblemException STOPPING = new ProblemException(503, "shutting-down", "This instance is stopping",
            "Send the request again: another instance will take it", List.of(), Map.of("Retry-After", "1", "Connection", "close"));

    @ConfigProperty(name = "quarkus.shutdown.delay")
    Optional<Duration> delay;

    private volatile boolean refusing;

    void begin(@Observes ShutdownDelayInitiatedEvent event, Vertx vertx, HttpConfig config) {
        long millis = delay.map(Duration::toMillis).orElse(0L) - config.refuseBeforeClose().toMillis();
        if (millis > 0) {
            vertx.setTimer(millis, t -> refusing = true);
        } else {
            refusing = true;
        }
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            if (refusing && !ctx.normalizedPath().endsWith("/events")) {
                RouteProblems.end(ctx, STOPPING);
            } else {
                ctx.next();
            }
        });
    }
}
