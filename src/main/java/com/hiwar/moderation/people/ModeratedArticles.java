package com.hiwar.moderation.people;

import com.hiwar.article.Article;
import com.hiwar.article.ArticleService;
import com.hiwar.audit.Audit;
import com.hiwar.auth.Actor;
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
    /** {@code section}: the article's desk ("" clears it); set here, it is locked like title and URL. */
    public record Update(Boolean open, Boolean premoderation, Instant closesAt, Boolean clearClosesAt, String title, String url,
                         String section) {}

    public record View(String id, String title, String url, String section, boolean metadataLocked, boolean open,
                       boolean premoderation, Instant closesAt, Map<String, Long> counts) {}

    @Inject
    ArticleService articles;

    @Inject
    CommentStore comments;

    /** The article as a moderator of its desk sees it. */
    @Transactional
    public View view(String articleId, Actor moderator) {
        Article a = articles.find(articleId).orElseThrow(() -> ProblemException.notFound("Article", articleId));
        moderator.requireDesk(a.section);
        return view(a);
    }

    private View view(Article a) {
        String articleId = a.id;
        return new View(a.id, a.title, a.url, a.section, a.metadataLocked, a.open, a.premoderated, a.closesAt,
                comments.articleQueueCounts(articleId));
    }

    /**
     * A moderator of the article's desk changes it; a desk moderator may not move it out of their
     * desks. An article nobody has commented on yet is set up first (a story closed, or held for
     * review, before it is published; the WordPress plugin's "comments closed" on a new post).
     */
    @Transactional
    public View update(String articleId, Update u, Actor moderator) {
        Article a = articles.find(articleId).orElseGet(() -> {
            moderator.requireDesk(u.section() == null || u.section().isBlank() ? null : ArticleService.checkSection(u.section(), "section"));
            return articles.findOrCreate(articleId, null, null, u.section());
        });
        moderator.requireDesk(a.section);
        if (u.section() != null && !u.section().isBlank()) {
            moderator.requireDesk(ArticleService.checkSection(u.section(), "section"));
        } else if (u.section() != null) {
            moderator.requireDesk(null);
        }
        Map<String, Object> changed = articles.configure(articleId, u.open(), u.premoderation(), u.closesAt(),
                Boolean.TRUE.equals(u.clearClosesAt()), u.title(), u.url(), u.section());
        if (changed.isEmpty()) {
            throw ProblemException.invalid("body", "set at least one of open, premoderation, closesAt, clearClosesAt, title, url, section");
        }
        Audit.record(moderator.subject(), "article-settings", null, null, articleId, null, changed);
        return view(articles.find(articleId).orElseThrow());
    }
}
