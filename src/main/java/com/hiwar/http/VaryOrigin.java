package com.hiwar.http;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * CORS answers differ by the request's Origin (an allowed origin gets Access-Control-Allow-Origin,
 * others do not), so every response says it varies by Origin: a shared cache must not serve one
 * origin's answer, such as the public counts, to another.
 */
@ApplicationScoped
class VaryOrigin {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(ctx -> {
            ctx.addHeadersEndHandler(v -> {
                var headers = ctx.response().headers();
                String vary = String.join(", ", headers.getAll("Vary"));
                if (vary.isBlank()) {
                    headers.set("Vary", "Origin");
                } else if (!vary.toLowerCase(java.util.Locale.ROOT).contains("origin") && !vary.equals("*")) {
                    headers.set("Vary", vary + ", Origin");
                }
            });
            ctx.next();
        });
    }
}
