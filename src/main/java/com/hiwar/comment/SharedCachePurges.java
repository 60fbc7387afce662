package com.hiwar.comment;

import com.hiwar.article.ArticleStateChanged;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Tells shared caches (Varnish, a CDN) to drop an article's anonymous pages once a change to it
 * commits, by the surrogate key every such page carries ({@code article:<id>}). Only the instance
 * that made the change purges, so one change is one purge. A purge that fails is logged and
 * counted, never retried: the pages still age out after {@code max-age}.
 */
@ApplicationScoped
public class SharedCachePurges {

    private static final int AFTER_LOCAL_EVICTION = Interceptor.Priority.APPLICATION + 1000;

    private static final Logger LOG = Logger.getLogger(SharedCachePurges.class);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();
    private final List<URI> targets;

    @Inject
    MeterRegistry metrics;

    @Inject
    public SharedCachePurges(CommentsConfig config) {
        targets = config.sharedCache().purgeUrls().orElse(List.of());
    }

    // After this instance dropped its own kept pages (PublicPages, default priority): a cache
    // refetching at once must not get the old bytes back.
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Priority(AFTER_LOCAL_EVICTION) CommentChanged change) {
        purge(change.articleId());
    }

    void reannounced(@Observes @Priority(AFTER_LOCAL_EVICTION) CommentReannounced r) {
        purge(r.change().articleId());
    }

    void articleChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Priority(AFTER_LOCAL_EVICTION) ArticleStateChanged change) {
        purge(change.articleId());
    }

    private void purge(String articleId) {
        for (URI target : targets) {
            HttpRequest request = HttpRequest.newBuilder(target)
                    .method("PURGE", HttpRequest.BodyPublishers.noBody())
                    .header("xkey-purge", PublicPages.surrogateKey(articleId))
                    .timeout(Duration.ofSeconds(2))
                    .build();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                boolean ok = failure == null && response.statusCode() < 300;
                metrics.counter("hiwar.shared_cache.purges", "result", ok ? "ok" : "failed").increment();
                if (!ok) {
                    LOG.warnf("Purge of %s at %s failed: %s", articleId, target,
                            failure != null ? failure.toString() : "HTTP " + response.statusCode());
                }
            });
        }
    }
}
