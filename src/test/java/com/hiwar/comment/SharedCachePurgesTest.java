package com.hiwar.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A change tells every configured shared cache to drop the article's pages: an HTTP PURGE with
 * the surrogate key the pages carry (what deploy/varnish/hiwar.vcl's xkey answers). A cache that
 * is down costs a counted failure, nothing else.
 */
class SharedCachePurgesTest {

    @Test
    void aChangePurgesTheArticlesKeyAtEveryCache() throws Exception {
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        HttpServer cache = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cache.createContext("/", exchange -> {
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("xkey-purge"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        cache.start();
        try {
            URI up = URI.create("http://127.0.0.1:" + cache.getAddress().getPort() + "/");
            URI down = URI.create("http://127.0.0.1:1/"); // nothing listens there
            SimpleMeterRegistry metrics = new SimpleMeterRegistry();
            SharedCachePurges purges = new SharedCachePurges(config(List.of(up, down)));
            purges.metrics = metrics;

            purges.committed(new CommentChanged("art-7", 1L, null, 2L, 0, false, true, null, null, null,
                    CommentChanged.Change.CREATED, null, CommentStatus.PUBLISHED, false));
            assertEquals("PURGE / article:art-7", seen.poll(5, TimeUnit.SECONDS));
            long deadline = System.currentTimeMillis() + 5000;
            // Both answers are counted asynchronously, after the cache above has seen its request.
            while ((metrics.counter("hiwar.shared_cache.purges", "result", "failed").count() < 1
                    || metrics.counter("hiwar.shared_cache.purges", "result", "ok").count() < 1)
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(1.0, metrics.counter("hiwar.shared_cache.purges", "result", "ok").count());
            assertEquals(1.0, metrics.counter("hiwar.shared_cache.purges", "result", "failed").count());
            assertTrue(seen.isEmpty());
        } finally {
            cache.stop(0);
        }
    }

    /** The comments settings with only the purge targets answered. */
    private static CommentsConfig config(List<URI> targets) {
        CommentsConfig.SharedCache shared = (CommentsConfig.SharedCache) Proxy.newProxyInstance(
                CommentsConfig.class.getClassLoader(), new Class<?>[] {CommentsConfig.SharedCache.class},
                (proxy, method, args) -> method.getName().equals("purgeUrls") ? Optional.of(targets) : null);
        return (CommentsConfig) Proxy.newProxyInstance(CommentsConfig.class.getClassLoader(), new Class<?>[] {CommentsConfig.class},
                (proxy, method, args) -> method.getName().equals("sharedCache") ? shared : null);
    }
}
