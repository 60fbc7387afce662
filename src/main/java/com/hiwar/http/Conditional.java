package com.hiwar.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * Conditional GETs: an ETag over the exact bytes sent, and 304 for a matching If-None-Match.
 * A response for a signed-in reader may hold their own pending comments, so it is
 * {@code private} and varies on Authorization: a shared cache never stores it, nor serves an
 * anonymous copy to them.
 */
@ApplicationScoped
public class Conditional {

    @Inject
    ObjectMapper json;

    /** A response readers revalidate every time (no-cache), stored by shared caches only when anonymous. */
    public Response ok(HttpHeaders request, Object entity, boolean personal) {
        return respond(request, entity, personal ? "private, no-cache" : "public, no-cache");
    }

    /**
     * A reader's own response whose ETag is known without rendering it (derived from what it is
     * made of): a matching If-None-Match is answered without serializing anything.
     */
    public Response personal(HttpHeaders request, Supplier<byte[]> rendering, String etag) {
        byte[] body = matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag) ? new byte[0] : rendering.get();
        return respond(request, body, etag, MediaType.APPLICATION_JSON, "private, no-cache")
                .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION).build();
    }

    /** A public response that caches may serve for {@code maxAge} without asking. */
    public Response ok(HttpHeaders request, Object entity, Duration maxAge) {
        return respond(request, entity, "public, max-age=" + maxAge.toSeconds());
    }

    /**
     * Bytes already rendered with their ETag, for anonymous readers: shared caches may keep them
     * for {@code maxAge} and serve them stale while revalidating; {@code surrogateKey} lets a CDN
     * purge everything of one article at once.
     */
    public Response shared(HttpHeaders request, byte[] body, String etag, Duration maxAge, Duration staleWhileRevalidate,
                           String surrogateKey) {
        String cacheControl = maxAge.isZero() ? "public, no-cache"
                : "public, max-age=" + maxAge.toSeconds() + ", stale-while-revalidate=" + staleWhileRevalidate.toSeconds();
        return respond(request, body, etag, MediaType.APPLICATION_JSON, cacheControl)
                .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION)
                .header("Surrogate-Key", surrogateKey)
                .build();
    }

    private Response respond(HttpHeaders request, Object entity, String cacheControl) {
        byte[] body = bytes(entity);
        return respond(request, body, etag(body), MediaType.APPLICATION_JSON, cacheControl)
                .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION)
                .build();
    }

    /** The JSON bytes of a response body. */
    public byte[] bytes(Object entity) {
        try {
            return json.writeValueAsBytes(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 304 when If-None-Match names this ETag, else the bytes; both with the ETag and Cache-Control. */
    static Response.ResponseBuilder respond(HttpHeaders request, byte[] body, String etag, String type, String cacheControl) {
        Response.ResponseBuilder response = matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)
                ? Response.notModified() : Response.ok(body, type);
        return response.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, cacheControl);
    }

    /** A strong ETag of the bytes: the first 128 bits of their SHA-256. */
    public static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 9110 If-None-Match: weak comparison, a list, or "*". */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
