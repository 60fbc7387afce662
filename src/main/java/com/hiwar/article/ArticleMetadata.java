package com.hiwar.article;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.hiwar.text.TextSanitizer;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Confirms a proposed title and URL with the publisher's own page, so no reader can retitle an
 * article or point it elsewhere: the page at the URL (on an allowed host, answering 200 without
 * a redirect) gives the title (og:title, else its title), the section (article:section) and,
 * through its canonical link, the URL that is stored. A moderator's correction locks both. Runs after the comment's commit, off
 * the request; each proposal is checked at most once per interval across instances.
 */
@ApplicationScoped
class ArticleMetadata {

    private static final Logger LOG = Logger.getLogger(ArticleMetadata.class);
    static final int MAX_PAGE_BYTES = 512 * 1024;

    @Inject
    ArticleConfig config;

    @Inject
    ArticleHosts hosts;

    @Inject
    ReactiveRedisDataSource redis;

    @Inject
    ManagedExecutor executor;

    @Inject
    Event<ArticleStateChanged> stateChanges;

    @Inject
    Event<ArticleChanged> changes;

    @Inject
    MeterRegistry metrics;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /**
     * Proposals this instance already passed on: a widget sends its page's title and URL with
     * every comment, and they rarely match what the page's og:title made of them. Without this,
     * every comment would cost a Redis round trip.
     */
    private Cache<String, Boolean> recent;

    @jakarta.annotation.PostConstruct
    void init() {
        recent = Caffeine.newBuilder().expireAfterWrite(config.confirmInterval()).maximumSize(10_000).build();
    }

    void onProposal(@Observes(during = TransactionPhase.AFTER_SUCCESS) MetadataProposed p) {
        if (!config.confirmMetadata()) {
            return;
        }
        String once = "articles:confirm:{" + p.articleId() + "}:" + digest(p.url() + "\n" + p.title());
        if (recent.asMap().putIfAbsent(once, Boolean.TRUE) != null) {
            return;
        }
        redis.execute("SET", once, "1", "NX", "PX", Long.toString(config.confirmInterval().toMillis()))
                .subscribe().with(r -> {
                    if (r != null && "OK".equals(r.toString())) {
                        executor.execute(() -> confirm(p.articleId(), p.url()));
                    }
                }, e -> LOG.debugf("Article metadata not confirmed (Redis: %s)", e.toString()));
    }

    /** Fetches the page and stores what it says, unless a moderator locked the article's metadata. */
    void confirm(String articleId, String url) {
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(config.confirmTimeout()).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            String html;
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    metrics.counter("hiwar.articles.metadata", "result", "refused").increment();
                    return;
                }
                html = new String(body.readNBytes(MAX_PAGE_BYTES), StandardCharsets.UTF_8);
            }
            Document page = Jsoup.parse(html, url);
            String canonical = attribute(page.selectFirst("link[rel=canonical]"), "abs:href");
            if (canonical == null) {
                canonical = attribute(page.selectFirst("meta[property=og:url]"), "abs:content");
            }
            String confirmedUrl = canonical != null && hosts.allows(canonical) ? ArticleService.checkUrl(canonical) : url;
            String title = attribute(page.selectFirst("meta[property=og:title]"), "content");
            title = TextSanitizer.cleanLabel(title != null ? title : page.title(), ArticleService.MAX_TITLE);
            String storedTitle = title;
            String section = attribute(page.selectFirst("meta[property=article:section]"), "content");
            String storedSection;
            try {
                storedSection = section == null ? null : ArticleService.checkSection(section, "article:section");
            } catch (RuntimeException e) {
                storedSection = null;
            }
            String confirmedSection = storedSection;
            QuarkusTransaction.requiringNew().run(() -> {
                int stored = Panache.getEntityManager().createNativeQuery("""
                        update articles set url = :url, title = coalesce(:title, title),
                            section = coalesce(cast(:section as text), section), metadata_confirmed_at = now()
                        where id = :id and not metadata_locked""")
                        .setParameter("url", confirmedUrl).setParameter("title", storedTitle).setParameter("id", articleId)
                        .setParameter("section", confirmedSection)
                        .executeUpdate();
                if (stored > 0) { // readers' pages show the title: kept copies must go, on every instance
                    Article a = Article.findById(articleId);
                    stateChanges.fire(new ArticleStateChanged(a.id, a.open, a.closesAt));
                    changes.fire(new ArticleChanged(a.id));
                }
            });
            metrics.counter("hiwar.articles.metadata", "result", "confirmed").increment();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            metrics.counter("hiwar.articles.metadata", "result", "failed").increment();
            LOG.debugf("Could not confirm the metadata of article %s at %s: %s", articleId, url, e.toString());
        }
    }

    private static String attribute(Element element, String name) {
        if (element == null) {
            return null;
        }
        String value = element.attr(name);
        return value.isBlank() ? null : value;
    }

    private static String digest(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)), 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
