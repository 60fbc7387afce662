package com.hiwar.http;

import com.hiwar.problem.ProblemException;
import com.hiwar.problem.RouteProblems;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Enforces the API's body limit before anything else runs, so an oversized body, declared
 * or chunked, gets a 413 problem instead of Quarkus' bare 413. A declared length is checked
 * up front; a chunked body is buffered up to the limit.
 */
@ApplicationScoped
class BodySizeLimit {

    /**
     * Admin uploads (word lists for bulk import) may be larger than comments: only a PUT to
     * exactly that route, judged on the normalized path ("..", "%2e%2e" resolved) that routing
     * uses, so no other route can borrow the larger limit through a crafted path.
     */
    private static final java.util.regex.Pattern ADMIN_UPLOAD = java.util.regex.Pattern.compile("/api/v1/admin/wordlists/[^/]+");
    /** An export to import: up to its own limit, streamed by its resource to a file, never buffered here. */
    private static final String IMPORT = "/api/v1/admin/imports";
    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    void install(@Observes Router router, HttpConfig limits) {
        BodyHandler bodies = BodyHandler.create(false).setBodyLimit(limits.maxBodyBytes());
        BodyHandler adminBodies = BodyHandler.create(false).setBodyLimit(limits.maxAdminBodyBytes());
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (importUpload(ctx)) {
                if (length != null && declaredLength(length) > limits.maxImportBytes()) {
                    tooLarge(ctx, limits.maxImportBytes());
                } else {
                    ctx.next(); // chunked: the resource counts as it streams
                }
                return;
            }
            boolean admin = adminUpload(ctx);
            long limit = admin ? limits.maxAdminBodyBytes() : limits.maxBodyBytes();
            if (length != null) {
                if (declaredLength(length) > limit) {
                    tooLarge(ctx, limit);
                } else {
                    ctx.next();
                }
            } else if (WITH_BODY.contains(ctx.request().method()) && chunked(ctx)) {
                // Chunked: buffer up to the limit here; past it the handler fails the request with 413.
                (admin ? adminBodies : bodies).handle(ctx);
            } else {
                ctx.next();
            }
        });
        // Quarkus REST waits forever for a pre-read body that turned out empty; answer it here.
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            if (ctx.request().getHeader("Content-Length") == null && WITH_BODY.contains(ctx.request().method()) && !importUpload(ctx)
                    && chunked(ctx) && (ctx.body().buffer() == null || ctx.body().length() == 0)) {
                problem(ctx, 400, "malformed-json", "Empty body", "This request needs a JSON body");
            } else {
                ctx.next();
            }
        });
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
                tooLarge(ctx, adminUpload(ctx) ? limits.maxAdminBodyBytes() : limits.maxBodyBytes());
            } else {
                ctx.next();
            }
        });
    }

    private static boolean importUpload(RoutingContext ctx) {
        return ctx.request().method() == HttpMethod.POST && IMPORT.equals(ctx.normalizedPath());
    }

    private static boolean adminUpload(RoutingContext ctx) {
        return ctx.request().method() == HttpMethod.PUT && ADMIN_UPLOAD.matcher(ctx.normalizedPath()).matches();
    }

    /**
     * Whether a body may stream in without a declared length: chunked in HTTP/1.1, or any
     * HTTP/2 request. An HTTP/1.1 request with neither header has no body (RFC 9112 6.3).
     */
    private static boolean chunked(RoutingContext ctx) {
        if (ctx.request().version() == io.vertx.core.http.HttpVersion.HTTP_2) {
            return true;
        }
        String te = ctx.request().getHeader("Transfer-Encoding");
        return te != null && te.toLowerCase(java.util.Locale.ROOT).contains("chunked");
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void tooLarge(RoutingContext ctx, long limit) {
        problem(ctx, 413, "body-too-large", "Body too large", "Request bodies are limited to " + limit + " bytes");
    }

    private static void problem(RoutingContext ctx, int status, String slug, String title, String detail) {
        RouteProblems.end(ctx, new ProblemException(status, slug, title, detail, List.of(), Map.of("Connection", "close")));
    }
}
