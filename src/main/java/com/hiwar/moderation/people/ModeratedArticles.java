package com.hiwar.moderation.people;

import com.hiwar.article.Article;
import com.hiwar.article.ArticleService;
import com.hiwar.audit.Audit;
import com.hiwar.comment.CommentStore;
import com.hiwar.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;

/** Per-article moderation: open or close, pre-moderation, auto-close date, and the article's counts. */
@ApplicationScoped
class ModeratedArticles {

    /**
     * Fields left null stay as they are; {@code closesAt} in the past closes at once. A title or
     * URL set here is locked: readers' comments no longer change it.
     */
    public record Update(Boolean open, Boolean premoderation, Instant closesAt, Boolean clearClosesAt, String title, String url) {}

    public record View(String id, String title, String url, boolean metadataLocked, boolean open, boolean premoderation,
                       Instant closesAt, Map<String, Long> counts) {}

    @Inject
    ArticleService articles;

    @Inject
    CommentStore comments;

    @Transactional
    public View view(String articleId) {
        Article a = articles.find(articleId).orElseThrow(() -> ProblemException.notFound("Article", articleId));
        return new View(a.id, a.title, a.url, a.metadataLocked, a.open, a.premoderated, a.closesAt,
                comments.articleQueueCounts(articleId));
    }

    @Transactional
    public View update(String articleId, Update u, String moderator) {
        Map<String, Object> changed = articles.configure(articleId, u.open(), u.premoderation(), u.closesAt(),
                Boolean.TRUE.equals(u.clearClosesAt()), u.title(), u.url());
        if (changed.isEmpty()) {
            throw ProblemException.invalid("body", "set at least one of open, premoderation, closesAt, clearClosesAt, title, url");
        }
        Audit.record(moderator, "article-settings", null, null, articleId, null, changed);
        return view(articleId);
    }
}
