package com.hiwar.problem;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a declared Content-Length over the API's limit before the body is read, with a
 * 413 problem. Quarkus' own limit (quarkus.http.limits.max-body-size, set higher) stays as
 * the backstop for chunked uploads, which it cuts off as they stream.
 */
@ApplicationScoped
public class BodySizeLimit {

    @ConfigMapping(prefix = "hiwar.http")
    public interface Limits {
        /** Largest request body the API reads, in bytes. */
        @WithDefault("65536")
        long maxBodyBytes();
    }

    void install(@Observes Router router, Limits limits) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            long declared;
            try {
                declared = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = Long.MAX_VALUE;
            }
            if (declared > limits.maxBodyBytes()) {
                Problem problem = new Problem(Problem.TYPE_BASE + "body-too-large", "Body too large", 413,
                        "Request bodies are limited to " + limits.maxBodyBytes() + " bytes; this one declares " + length,
                        ctx.request().path(), null);
                ctx.response().setStatusCode(413)
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close")
                        .end(Json.encode(problem));
                return;
            }
            ctx.next();
        });
    }
}
