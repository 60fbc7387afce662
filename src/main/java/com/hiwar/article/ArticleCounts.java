package com.hiwar.article;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.hiwar.db.Row;
import com.hiwar.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Published comment counts for listing pages: a per-instance cache in front of one query over
 * the trigger-kept slots of {@code article_counts} (V22). Any change on any instance evicts the
 * article's entry (via Redis pub/sub); the TTL only bounds staleness while Redis is away.
 */
@ApplicationScoped
class ArticleCounts {

    public static final int MAX_ARTICLES = 100;

    private final Cache<String, Integer> cache;

    @Inject
    public ArticleCounts(CountsConfig config) {
        cache = Caffeine.newBuilder().expireAfterWrite(config.cacheTtl()).maximumSize(config.cacheSize()).build();
    }

    /** Counts in the order asked; articles without comments (or unknown) count 0. */
    public Map<String, Integer> counts(String idList) {
        Set<String> ids = parse(idList);
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            Integer n = cache.getIfPresent(id);
            counts.put(id, n);
            if (n == null) {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            Map<String, Integer> loaded = load(missing);
            missing.forEach(id -> {
                int n = loaded.getOrDefault(id, 0);
                cache.put(id, n);
                counts.put(id, n);
            });
        }
        return counts;
    }

    /**
     * The counts only if every one is cached, never querying: what the I/O thread may answer
     * ({@link CountsFromMemory}). Null otherwise, and for a list that does not parse, which
     * {@link #counts} refuses.
     */
    Map<String, Integer> cached(String idList) {
        Set<String> ids;
        try {
            ids = parse(idList);
        } catch (ProblemException e) {
            return null;
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String id : ids) {
            Integer n = cache.getIfPresent(id);
            if (n == null) {
                return null;
            }
            counts.put(id, n);
        }
        return counts;
    }

    @Transactional
    Map<String, Integer> load(List<String> ids) {
        Map<String, Integer> loaded = new LinkedHashMap<>();
        Row.all(Panache.getEntityManager()
                .createNativeQuery("select id, article_published_count(id) as n from articles where id in (:ids)", Tuple.class)
                .setParameter("ids", ids)).forEach(r -> loaded.put(r.text("id"), r.integer("n")));
        return loaded;
    }

    void evict(@Observes ArticleActivity activity) {
        cache.invalidate(activity.articleId());
    }

    static Set<String> parse(String idList) {
        if (idList == null || idList.isBlank()) {
            throw ProblemException.badParameter("articles", "list 1 to " + MAX_ARTICLES + " article ids, comma-separated");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String raw : idList.split(",", -1)) {
            String id = raw.strip();
            if (id.isEmpty()) {
                continue;
            }
            try {
                ids.add(ArticleService.checkId(id));
            } catch (ProblemException e) {
                throw ProblemException.badParameter("articles", "\"" + id.substring(0, Math.min(id.length(), 40))
                        + "\" is not an article id (1 to 200 letters, digits or . _ : ~ -)");
            }
        }
        if (ids.isEmpty() || ids.size() > MAX_ARTICLES) {
            throw ProblemException.badParameter("articles", "list 1 to " + MAX_ARTICLES + " article ids, comma-separated");
        }
        return ids;
    }
}
