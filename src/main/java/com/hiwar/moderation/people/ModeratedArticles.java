package com.hiwar.moderation.people;

import com.hiwar.audit.Audit;
import com.hiwar.article.Article;
import com.hiwar.article.ArticleStateChanged;
import com.hiwar.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Per-article moderation: open or close, pre-moderation, auto-close date, and the article's counts. */
@ApplicationScoped
public class ModeratedArticles {

    /**
     * Fields left null stay as they are; {@code closesAt} in the past closes at once. A title or
     * URL set here is locked: readers' comments no longer change it.
     */
    public record Update(Boolean open, Boolean premoderation, Instant closesAt, Boolean clearClosesAt, String title, String url) {}

    public record View(String id, String title, String url, boolean metadataLocked, boolean open, boolean premoderation,
                       Instant closesAt, Map<String, Long> counts) {}

    @Transactional
    public View view(String articleId) {
        Article a = Article.<Article>findByIdOptional(articleId).orElseThrow(() -> ProblemException.notFound("Article", articleId));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery(
                "select moderation_queue(status, open_reports), count(*) from comments where article_id = :a group by 1")
                .setParameter("a", articleId).getResultList();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String q : List.of("pending", "reported", "published", "rejected", "deleted")) {
            counts.put(q, 0L);
        }
        rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
        return new View(a.id, a.title, a.url, a.metadataLocked, a.open, a.premoderated, a.closesAt, counts);
    }

    @jakarta.inject.Inject
    jakarta.enterprise.event.Event<ArticleStateChanged> stateChanges;

    @jakarta.inject.Inject
    com.hiwar.article.ArticleService articles;

    @Transactional
    public View update(String articleId, Update u, String moderator) {
        Article a = Article.<Article>findByIdOptional(articleId).orElseThrow(() -> ProblemException.notFound("Article", articleId));
        Map<String, Object> details = new HashMap<>();
        if (u.open() != null) {
            a.open = u.open();
            details.put("open", a.open);
        }
        if (u.premoderation() != null) {
            a.premoderated = u.premoderation();
            details.put("premoderation", a.premoderated);
        }
        if (Boolean.TRUE.equals(u.clearClosesAt())) {
            a.closesAt = null;
            details.put("closesAt", "never");
        } else if (u.closesAt() != null) {
            a.closesAt = u.closesAt();
            details.put("closesAt", a.closesAt.toString());
        }
        if (u.title() != null || u.url() != null) {
            articles.correct(a, u.title(), u.url());
            details.put("metadata", Map.of("title", String.valueOf(a.title), "url", String.valueOf(a.url)));
        }
        if (details.isEmpty()) {
            throw ProblemException.invalid("body", "set at least one of open, premoderation, closesAt, clearClosesAt, title, url");
        }
        Audit.record(moderator, "article-settings", null, null, articleId, null, details);
        if (details.containsKey("open") || details.containsKey("closesAt")) {
            stateChanges.fire(new ArticleStateChanged(a.id, a.open, a.closesAt));
        }
        return view(articleId);
    }
}
