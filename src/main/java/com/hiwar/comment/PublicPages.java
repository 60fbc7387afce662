package com.hiwar.comment;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.hiwar.article.ArticleActivity;
import com.hiwar.article.ArticleStateChanged;
import com.hiwar.http.Conditional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The pages of an article as anonymous readers see them, kept as the bytes sent and their ETag:
 * on a breaking story everyone asks for the same first page, and those who want more for the
 * same second one, so rendering each once per change is enough. Every first page is kept, and
 * the few later ones per article ({@code later-pages}) asked for most; others are rendered each time. Any
 * change to the article's comments evicts its pages, on this instance at commit and on every
 * other through the Redis announcement the live hub turns into {@link ArticleActivity}; the TTL
 * only bounds staleness while Redis is away. A page is never kept past the article's closing
 * time, and an unknown article's empty page is not kept at all.
 *
 * <p>Memory is bounded by an estimate of the heap the pages take ({@code max-bytes}), not by a
 * count of articles: one article may hold a 300-byte page or every size and sort a client asks
 * for. The least used articles go first (Caffeine's TinyLFU), and an article no one read for a
 * TTL goes at once, since every page it holds is stale by then.
 *
 * <p>Each article's pages hang off one holder that eviction drops: a render that started before
 * a change and finishes after it lands in the dropped holder, so it can never overwrite the
 * fresh page.
 */
@ApplicationScoped
public class PublicPages {

    /**
     * A page, its bytes and their ETag, and until when they may be served; for a first page also,
     * once a signed-in reader asked for it, its {@link ReaderTemplate}.
     */
    public static final class Rendered {
        private final CommentPage page;
        private final byte[] body;
        private final String etag;
        private final long freshUntilNanos;
        private volatile ReaderTemplate readers; // two made at once are the same: no lock

        Rendered(CommentPage page, byte[] body, String etag, long freshUntilNanos) {
            this.page = page;
            this.body = body;
            this.etag = etag;
            this.freshUntilNanos = freshUntilNanos;
        }

        public CommentPage page() {
            return page;
        }

        public byte[] body() {
            return body;
        }

        public String etag() {
            return etag;
        }

        boolean fresh(long now) {
            return now - freshUntilNanos < 0;
        }

        /**
         * Heap this page takes, estimated: its bytes, the page's objects kept for signed-in
         * readers (about twice the bytes, by a class histogram of the 1M bench), and once made,
         * the reader template (about the bytes again).
         */
        long weight() {
            return (long) body.length * (readers == null ? 3 : 4);
        }

        private ReaderTemplate readers(Function<CommentPage, ReaderTemplate> make) {
            ReaderTemplate template = readers;
            if (template == null) {
                readers = template = make.apply(page);
            }
            return template;
        }
    }

    private record Variant(String sort, Integer limit, String cursor) {}

    /**
     * One article's kept pages. Every first page (one per sort and size) is kept. Later pages are
     * at most {@code later-pages}, and a new one takes a place only from one asked for less often
     * (Caffeine's TinyLFU): a client walking one-off cursors cannot crowd out the second page
     * everyone reads, as it could while the first later pages ever asked for kept the places.
     */
    private static final class ArticlePages {
        final Map<Variant, Rendered> first = new ConcurrentHashMap<>(4);
        private final int laterPages;
        private volatile Map<Variant, Rendered> later; // made with the first later page: most articles never get one

        ArticlePages(int laterPages) {
            this.laterPages = laterPages;
        }

        /** Where the variant is kept; made for a later page on first use. */
        Map<Variant, Rendered> pagesOf(Variant variant) {
            if (variant.cursor() == null) {
                return first;
            }
            Map<Variant, Rendered> pages = later;
            if (pages == null) {
                synchronized (this) {
                    if (later == null) {
                        // Maintenance on the caller's thread: no pool thread per article, and admission decided at once.
                        later = Caffeine.newBuilder().maximumSize(laterPages).executor(Runnable::run)
                                .<Variant, Rendered>build().asMap();
                    }
                    pages = later;
                }
            }
            return pages;
        }

        /** The variant's page if kept, fresh or not; a read that counts toward a later page's place. */
        Rendered kept(Variant variant) {
            Map<Variant, Rendered> pages = variant.cursor() == null ? first : later;
            return pages == null ? null : pages.get(variant);
        }

        /** The estimated heap of the article's pages and of their maps (see {@link Rendered#weight}). */
        int weight() {
            long sum = HOLDER_BYTES;
            for (Rendered page : all()) {
                sum += page.weight() + HOLDER_BYTES / 4;
            }
            return (int) Math.min(Integer.MAX_VALUE, sum);
        }

        Iterable<Rendered> all() {
            Map<Variant, Rendered> pages = later;
            return pages == null ? first.values() : () -> java.util.stream.Stream.concat(first.values().stream(),
                    pages.values().stream()).iterator();
        }
    }

    /** A holder, its maps and its cache entry, measured the same way as {@link Rendered#weight}. */
    private static final int HOLDER_BYTES = 512;

    private final Cache<String, ArticlePages> cache;
    private final long ttlNanos;
    private final int laterPages;

    @Inject
    CommentService comments;

    @Inject
    Conditional conditional;

    @Inject
    CommentsConfig config;

    @Inject
    public PublicPages(CommentsConfig config) {
        CommentsConfig.PageCache settings = config.pageCache();
        ttlNanos = settings.ttl().toNanos();
        laterPages = settings.laterPages();
        Caffeine<String, ArticlePages> builder = Caffeine.newBuilder()
                .maximumWeight(settings.maxBytes().asLongValue())
                .weigher((String id, ArticlePages pages) -> pages.weight());
        if (ttlNanos > 0) {
            builder.expireAfterAccess(settings.ttl());
        }
        cache = builder.build();
    }

    /** The anonymous first page, from memory when nothing changed since it was rendered. */
    public Rendered firstPage(String articleId, String sort, Integer limit) {
        return page(articleId, sort, limit, null);
    }

    /** An anonymous page, from memory when it is kept and nothing changed since it was rendered. */
    public Rendered page(String articleId, String sort, Integer limit, String cursor) {
        if (ttlNanos <= 0) {
            return render(articleId, sort, limit, cursor, null);
        }
        ArticlePages holder = cache.get(articleId, id -> new ArticlePages(laterPages));
        Variant variant = new Variant(sort, limit, cursor);
        Rendered kept = holder.kept(variant);
        if (kept != null && kept.fresh(System.nanoTime())) {
            return kept;
        }
        Map<Variant, Rendered> pages = holder.pagesOf(variant);
        long now = System.nanoTime();
        // compute: one render per variant at a time; the others wait for it instead of rendering too.
        Rendered page = pages.compute(variant, (v, old) -> old != null && old.fresh(now) ? old
                : render(articleId, sort, limit, cursor, holder));
        if (!page.fresh(System.nanoTime())) {
            pages.remove(variant, page); // an unknown article: rendered each time, never kept
        } else if (page != kept) {
            reweigh(articleId, holder);
        }
        return page;
    }

    /**
     * An anonymous page only if it is kept and fresh, never rendering: what the I/O thread may
     * serve without a database ({@link KeptPageFilter}).
     */
    Rendered kept(String articleId, String sort, Integer limit, String cursor) {
        ArticlePages holder = ttlNanos <= 0 ? null : cache.getIfPresent(articleId);
        Rendered page = holder == null ? null : holder.kept(new Variant(sort, limit, cursor));
        return page != null && page.fresh(System.nanoTime()) ? page : null;
    }

    /**
     * An anonymous page as sent: shared caches may keep it for a while and serve it stale while
     * revalidating, and purge every page of the article at once by its surrogate key.
     */
    Response response(HttpHeaders request, String articleId, Rendered page) {
        CommentsConfig.SharedCache shared = config.sharedCache();
        return conditional.shared(request, page.body(), page.etag(), shared.maxAge(), shared.staleWhileRevalidate(),
                surrogateKey(articleId));
    }

    /** The key shared caches file an article's pages under, and purge them by. */
    static String surrogateKey(String articleId) {
        return "article:" + articleId;
    }

    /**
     * The first page for a signed-in reader: the kept public one with their likes and their own
     * comments marked, private to them. Its ETag follows from what it is made of (the public
     * page's ETag, the reader, their likes on it), so a revalidation costs neither rendering nor
     * hashing; and unless they wrote one of its comments, its bytes are the page's
     * {@link ReaderTemplate} with their likes marked. A reader with a comment only they can see
     * gets their page rendered in full.
     */
    Response firstPageFor(HttpHeaders request, String articleId, String sort, Integer limit, long viewer) {
        Rendered shared = firstPage(articleId, sort, limit);
        Optional<Set<Long>> likes = comments.likesOnPage(shared.page(), articleId, viewer);
        if (likes.isEmpty()) {
            return conditional.ok(request, comments.page(articleId, sort, limit, null, viewer), true);
        }
        Set<Long> liked = likes.get();
        String etag = Conditional.etag((shared.etag() + "|" + viewer + "|"
                + liked.stream().sorted().map(String::valueOf).collect(Collectors.joining(","))).getBytes(StandardCharsets.UTF_8));
        ReaderTemplate template = readerTemplate(articleId, shared);
        return conditional.personal(request, template.fits(viewer) ? () -> template.with(liked)
                : () -> conditional.bytes(comments.overlay(shared.page(), viewer, liked)), etag);
    }

    /** A kept first page's {@link ReaderTemplate}, made when a signed-in reader first asks: the page overlaid for nobody. */
    ReaderTemplate readerTemplate(String articleId, Rendered page) {
        boolean made = page.readers == null;
        ReaderTemplate template = page.readers(p -> ReaderTemplate.of(comments.overlay(p, CommentService.ANONYMOUS, Set.of()),
                conditional::bytes));
        if (made) {
            ArticlePages holder = cache.getIfPresent(articleId);
            if (holder != null) {
                reweigh(articleId, holder);
            }
        }
        return template;
    }

    /**
     * Tells the cache the holder's new weight. Only while it still holds this holder: one an
     * eviction dropped must not come back, or a page rendered before the change would be served.
     */
    private void reweigh(String articleId, ArticlePages holder) {
        cache.asMap().replace(articleId, holder, holder);
    }

    /** The estimated heap of the kept pages, for tests of the bound. */
    long keptWeight() {
        cache.cleanUp();
        return cache.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    /**
     * The article as a fresh kept page of it shows it, or null. Every page of an article carries
     * the same state, and a kept one is evicted with any change to it, so a page rendered now may
     * show that state instead of reading the article again.
     */
    CommentPage.ArticleState keptState(String articleId) {
        return ttlNanos <= 0 ? null : keptState(cache.getIfPresent(articleId));
    }

    private static CommentPage.ArticleState keptState(ArticlePages holder) {
        if (holder != null) {
            long now = System.nanoTime();
            for (Rendered page : holder.all()) {
                if (page.fresh(now)) {
                    return page.page().article();
                }
            }
        }
        return null;
    }

    /**
     * Any anonymous page, rendered now; with the article's state from a page kept in its holder
     * when one is fresh. A render that lands in a dropped holder is never served, whatever state it used.
     */
    private Rendered render(String articleId, String sort, Integer limit, String cursor, ArticlePages holder) {
        long started = System.nanoTime();
        CommentPage page = comments.page(articleId, sort, limit, cursor, CommentService.ANONYMOUS, keptState(holder));
        byte[] body = conditional.bytes(page);
        long freshUntil = started + ttlNanos;
        if (page.article() == null || !page.article().exists()) {
            freshUntil = started; // not kept: unknown ids must not fill the cache
        } else if (page.article().open()) {
            Instant closes = page.article().closesAt();
            if (closes != null) {
                long untilClose = Duration.between(Instant.now(), closes).toNanos();
                freshUntil = Math.min(freshUntil, started + Math.max(0, untilClose));
            }
        }
        return new Rendered(page, body, Conditional.etag(body), freshUntil);
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentChanged change) {
        cache.invalidate(change.articleId());
    }

    void reannounced(@Observes CommentReannounced r) {
        cache.invalidate(r.change().articleId());
    }

    void imported(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentsImported imported) {
        imported.articleIds().forEach(cache::invalidate);
    }

    void articleChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleStateChanged change) {
        cache.invalidate(change.articleId());
    }

    void announced(@Observes ArticleActivity activity) {
        cache.invalidate(activity.articleId());
    }
}
