package com.hiwar.live;

import com.hiwar.article.ArticleService;
import com.hiwar.http.ClientAddress;
import com.hiwar.problem.ProblemException;
import com.hiwar.problem.RouteProblems;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/articles/{articleId}/events}: Server-Sent Events of one article's public
 * changes. Served on a plain Vert.x route rather than JAX-RS: a stream holds only its socket
 * and a few fields, and heartbeats are bare comment lines.
 */
@ApplicationScoped
public class LiveResource {

    static final String PATH = "/api/v1/articles/:articleId/events";

    @Inject
    LiveHub hub;

    @Inject
    LiveConfig config;

    @Inject
    ClientSlots slots;

    @Inject
    ClientAddress clients;

    void routes(@Observes Router router) {
        router.route(HttpMethod.GET, PATH).order(-10).handler(this::stream);
    }

    void stream(RoutingContext ctx) {
        String articleId = ctx.pathParam("articleId");
        try {
            ArticleService.checkId(articleId);
        } catch (ProblemException e) {
            problem(ctx, e);
            return;
        }
        if (hub.draining()) {
            hub.sendAway(ctx.response());
            return;
        }
        if (!hub.tryReserve()) {
            problem(ctx, new ProblemException(503, "live-full", "Too many live readers",
                    "This instance serves its maximum of live streams; retry shortly or load comments without live updates",
                    List.of(), Map.of("Retry-After", "5")));
            return;
        }
        String header = ctx.request().getHeader("Last-Event-ID");
        String lastEventId = header != null ? header : ctx.request().getParam("lastEventId"); // for clients that cannot set headers
        slots.acquire(clients.rateLimitKey(ctx.request())).subscribe().with(slot -> {
            if (slot == null) {
                hub.release();
                problem(ctx, new ProblemException(429, "live-too-many-streams", "Too many live streams",
                        "This address already holds " + config.maxPerClient() + " live streams; close some, or load"
                                + " comments without live updates", List.of(), Map.of("Retry-After", "30")));
                return;
            }
            if (ctx.response().closed()) {
                hub.release();
                slots.release(slot);
                return;
            }
            ctx.response().setChunked(true)
                    .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                    .putHeader("Cache-Control", "no-store")
                    .putHeader("X-Accel-Buffering", "no"); // nginx: do not buffer the stream
            hub.join(articleId, ctx.response(), lastEventId, slot);
        });
    }

    private void problem(RoutingContext ctx, ProblemException e) {
        RouteProblems.end(ctx, e);
    }
}
