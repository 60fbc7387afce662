package com.hiwar.redis;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Lua script from the classpath, run by its SHA-1 (EVALSHA). Its text is sent (EVAL, which
 * caches it on that server) only when the server that answers does not know it yet: after a
 * restart or SCRIPT FLUSH, after a failover, or on a Redis Cluster node that has not run it.
 * The SHA-1 is computed here, so no SCRIPT LOAD is needed, which on a cluster would load the
 * script on one node only.
 */
public final class RedisScript {

    private final String text;
    private final String sha;

    private RedisScript(String text) {
        this.text = text;
        this.sha = sha1(text);
    }

    /** {@code resource}: a classpath path such as {@code ratelimit/gcra.lua}. */
    public static RedisScript load(String resource) {
        try (InputStream in = RedisScript.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing script " + resource);
            }
            return new RedisScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the script; {@code keysAndArgs} is what follows the script in EVAL: numkeys, keys, arguments. */
    public Response run(RedisDataSource redis, String... keysAndArgs) {
        try {
            return redis.execute("EVALSHA", with(sha, keysAndArgs));
        } catch (RuntimeException e) {
            if (!noScript(e)) {
                throw e;
            }
            return redis.execute("EVAL", with(text, keysAndArgs));
        }
    }

    public Uni<Response> run(ReactiveRedisDataSource redis, String... keysAndArgs) {
        return redis.execute("EVALSHA", with(sha, keysAndArgs))
                .onFailure(RedisScript::noScript).recoverWithUni(() -> redis.execute("EVAL", with(text, keysAndArgs)));
    }

    public String sha() {
        return sha;
    }

    private static String[] with(String first, String[] rest) {
        String[] args = new String[rest.length + 1];
        args[0] = first;
        System.arraycopy(rest, 0, args, 1, rest.length);
        return args;
    }

    private static boolean noScript(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().startsWith("NOSCRIPT")) {
                return true;
            }
        }
        return false;
    }

    static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
