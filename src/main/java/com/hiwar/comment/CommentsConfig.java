package com.hiwar.comment;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "hiwar.comments")
public interface CommentsConfig {

    /** Shortest body, in code points after trimming. */
    @WithDefault("1")
    int minLength();

    /** Longest body, in code points. */
    @WithDefault("5000")
    int maxLength();

    /** How long an author may edit a comment after posting it. */
    @WithDefault("15m")
    Duration editWindow();

    /** Deepest reply level (top level is 0); replies below it attach at this level. */
    @WithDefault("3")
    int maxDepth();

    @WithDefault("20")
    int pageSize();

    @WithDefault("100")
    int maxPageSize();

    /** Replies embedded under each top-level comment in a page. */
    @WithDefault("3")
    int previewReplies();

    /** The anonymous first page kept in memory per instance (see PublicPages). */
    PageCache pageCache();

    /** What shared caches (a CDN, Varnish) may do with anonymous pages. */
    SharedCache sharedCache();

    interface PageCache {
        /** How long a kept page is trusted. Changes evict it at once, here and through Redis on every instance; this bounds staleness while Redis is away. 0 turns the cache off. */
        @WithDefault("10s")
        Duration ttl();

        /**
         * Heap the kept pages may take on each instance, estimated from their bytes (see
         * PublicPages): the least used articles' pages go first. A bound in bytes, not in
         * articles, since one article's pages range from a few hundred bytes to every page size
         * and sort a client asks for.
         */
        @WithDefault("12M")
        MemorySize maxBytes();

        /**
         * Later pages (by cursor) kept per article besides the first ones: on a breaking story
         * everyone who asks for more asks for the same second page. The most asked for are kept;
         * the others (a reader deep in a thread, a crawler's one-off cursors) are rendered.
         */
        @WithDefault("8")
        int laterPages();
    }

    interface SharedCache {
        /** Cache-Control max-age of anonymous pages: how long a CDN or browser serves them without asking. */
        @WithDefault("2s")
        Duration maxAge();

        /** Cache-Control stale-while-revalidate: how long after that a cache may serve the old page while it fetches the new one. */
        @WithDefault("10s")
        Duration staleWhileRevalidate();

        /**
         * Shared caches told to drop an article's pages when they change: each gets an HTTP
         * PURGE with {@code xkey-purge: article:<id>} (deploy/varnish/hiwar.vcl answers it). Unset:
         * none, and pages age out after max-age.
         */
        Optional<List<URI>> purgeUrls();
    }
}
