package com.hiwar.http;

import com.hiwar.problem.ProblemException;
import io.quarkus.runtime.LaunchMode;
import io.vertx.core.json.Json;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The UIs' files (widget, dashboard, demo), read once from the classpath and served with an
 * ETag. Pages get a strict Content-Security-Policy: scripts, styles and connections from
 * this origin only, nothing inline, no framing.
 */
public final class StaticAssets {

    public static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private record Asset(byte[] bytes, String etag) {}

    private static final Map<String, Asset> CACHE = new ConcurrentHashMap<>();

    private StaticAssets() {}

    /** A file as stored. */
    public static Response serve(HttpHeaders request, String path, String cacheControl) {
        return serve(request, path, cacheControl, UnaryOperator.identity());
    }

    /** A file after a one-time transformation (e.g. inlining a stylesheet into a script). */
    public static Response serve(HttpHeaders request, String path, String cacheControl, UnaryOperator<String> transform) {
        Asset asset = asset(path, () -> transform.apply(read(path)));
        String type = path.endsWith(".js") ? "text/javascript; charset=utf-8"
                : path.endsWith(".css") ? "text/css; charset=utf-8" : "text/html; charset=utf-8";
        Response.ResponseBuilder response = Conditional.respond(request, asset.bytes(), asset.etag(), type, cacheControl);
        if (path.endsWith(".html")) {
            response.header("Content-Security-Policy", CSP);
        } else {
            response.header("Cross-Origin-Resource-Policy", "cross-origin"); // publishers' pages load the widget
        }
        return response.build();
    }

    /**
     * Script modules served as one file: each module's text in order inside one function scope
     * (so they share names without globals), {@code SETTINGS} filled in with {@code settings} as
     * JSON, then {@code transform}. {@code name} keys the cache.
     */
    public static Response serveBundle(HttpHeaders request, String name, List<String> modules,
                                       Supplier<Map<String, Object>> settings, String cacheControl,
                                       UnaryOperator<String> transform) {
        Asset asset = asset(name, () -> transform.apply(modules.stream().map(StaticAssets::read)
                .collect(Collectors.joining("\n", "(() => {\n'use strict';\n", "})();\n"))
                .replace("__HIWAR_SETTINGS__", Json.encode(settings.get()))));
        return Conditional.respond(request, asset.bytes(), asset.etag(), "text/javascript; charset=utf-8", cacheControl)
                .header("Cross-Origin-Resource-Policy", "cross-origin").build();
    }

    /** Built once and cached; dev mode builds it on every request, so edits show on reload. */
    private static Asset asset(String key, Supplier<String> text) {
        return LaunchMode.current() == LaunchMode.DEVELOPMENT ? build(text) : CACHE.computeIfAbsent(key, k -> build(text));
    }

    private static Asset build(Supplier<String> text) {
        byte[] bytes = text.get().getBytes(StandardCharsets.UTF_8);
        return new Asset(bytes, Conditional.etag(bytes));
    }

    public static String read(String path) {
        try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw ProblemException.notFound("File", path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
