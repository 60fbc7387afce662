package com.hiwar.problem;

import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/**
 * Problems answered by plain Vert.x routes, which run before JAX-RS and its {@link ProblemMapper}
 * (body limits, live streams, a stopping instance): the same document, the same media type.
 */
public final class RouteProblems {

    private RouteProblems() {}

    public static void end(RoutingContext ctx, ProblemException e) {
        var response = ctx.response().setStatusCode(e.status()).putHeader("Content-Type", Problem.MEDIA_TYPE);
        e.headers().forEach(response::putHeader);
        response.end(Json.encode(e.toProblem(ctx.request().path())));
    }
}
