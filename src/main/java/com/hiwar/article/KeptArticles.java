package com.hiwar.article;

import com.hiwar.signal.KeptCopies;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;

/**
 * Articles as a new comment's checks read them (open? closing when? pre-moderated? title and URL
 * confirmed?), kept on each instance: on a breaking story every POST reads the same row, which
 * changes only when a moderator or the publisher's page does. A change drops the copy on every
 * instance as it commits ({@link KeptCopies}); while Redis cannot be asked, every POST reads the
 * row. The copies' comment counts are not kept up to date: they are not for pages.
 */
@ApplicationScoped
public class KeptArticles {

    @Inject
    ArticleConfig config;

    @Inject
    RedisDataSource redis;

    private KeptCopies<String, Article> copies;

    @PostConstruct
    void init() {
        copies = new KeptCopies<>(redis, "articles", a -> a.id, Duration.ofMillis(500), config.kept().size(), config.kept().ttl());
    }

    void start(@Observes StartupEvent event) {
        copies.start();
    }

    @Scheduled(every = "0.5s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        copies.check();
    }

    /** A detached copy, never to be changed (it may be shared): a kept one, or read now. */
    Optional<Article> peek(String id) {
        return Optional.ofNullable(copies.get(id, () -> Article.peek(id).orElse(null)));
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleChanged e) {
        copies.changed(e.articleId());
    }

    /** For rows changed outside Hiwar (by hand, by a test): every copy goes, here at once and elsewhere at the next check. */
    public void forgetAll() {
        copies.changedAll();
    }
}
