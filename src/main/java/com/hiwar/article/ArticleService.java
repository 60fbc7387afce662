package com.hiwar.article;

import com.hiwar.problem.ProblemException;
import com.hiwar.text.TextSanitizer;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

@ApplicationScoped
public class ArticleService {

    @Inject
    Event<ArticleStateChanged> stateChanges;

    @Inject
    ArticleConfig config;

    @Inject
    ArticleHosts hosts;

    @Inject
    Event<MetadataProposed> proposals;

    @Inject
    MeterRegistry metrics;

    @Inject
    KeptArticles kept;

    @Inject
    Event<ArticleChanged> changes;

    /** Letters in any script (Arabic WordPress slugs), digits and a few URL-safe marks. */
    private static final Pattern ID = Pattern.compile("[\\p{L}\\p{M}\\p{N}._:~-]{1,200}");
    static final int MAX_TITLE = 300;
    static final int MAX_URL = 2048;

    public static String checkId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw ProblemException.invalid("articleId",
                    "must be 1 to 200 letters, digits or . _ : ~ - (the publisher's own article id)");
        }
        return id;
    }

    public Optional<Article> find(String id) {
        return Article.findByIdOptional(checkId(id));
    }

    /** The article as it is now, detached and read without a session: for pages, never for changes. */
    public Optional<Article> peek(String id) {
        return Article.peek(checkId(id));
    }

    /** Detached copies, for display: never for changes. */
    public Map<String, Article> byIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Article> found = Article.peek(ids.stream().distinct().toList());
        return found.stream().collect(Collectors.toMap(a -> a.id, Function.identity()));
    }

    /**
     * Moderators' settings; fields left null stay as they are, {@code closesAt} in the past closes
     * at once, a title or URL set here is locked. Returns what changed, for the audit log.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Object> configure(String id, Boolean open, Boolean premoderation, Instant closesAt,
                                         boolean clearClosesAt, String title, String url, String section) {
        Article a = find(id).orElseThrow(() -> ProblemException.notFound("Article", id));
        Map<String, Object> changed = new HashMap<>();
        if (open != null) {
            a.open = open;
            changed.put("open", a.open);
        }
        if (premoderation != null) {
            a.premoderated = premoderation;
            changed.put("premoderation", a.premoderated);
        }
        if (clearClosesAt) {
            a.closesAt = null;
            changed.put("closesAt", "never");
        } else if (closesAt != null) {
            a.closesAt = closesAt;
            changed.put("closesAt", a.closesAt.toString());
        }
        if (section != null) {
            a.section = section.isBlank() ? null : checkSection(section, "section");
            a.metadataLocked = true;
            changed.put("section", a.section == null ? "none" : a.section);
        }
        if (title != null || url != null) {
            correct(a, title, url);
            changed.put("metadata", Map.of("title", String.valueOf(a.title), "url", String.valueOf(a.url)));
        }
        if (changed.containsKey("open") || changed.containsKey("closesAt") || changed.containsKey("metadata")) {
            stateChanges.fire(new ArticleStateChanged(a.id, a.open, a.closesAt));
        }
        if (!changed.isEmpty()) {
            changes.fire(new ArticleChanged(a.id));
        }
        return changed;
    }

    /**
     * The article a new comment goes to, created on its first comment. A URL off the publisher's
     * hosts is ignored with its title; the first comment's values fill what is empty, and any
     * other proposal waits for the publisher's page to confirm it ({@link ArticleMetadata}).
     * Usually a kept copy ({@link KeptArticles}): not to be changed, and its comment count not for display.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Article findOrCreate(String id, String url, String title, String section) {
        checkId(id);
        String cleanSection = section == null || section.isBlank() ? null : checkSection(section, "articleSection");
        String cleanUrl = checkUrl(url);
        String cleanTitle = TextSanitizer.cleanLabel(title, MAX_TITLE);
        if (cleanUrl != null && !hosts.allows(cleanUrl)) {
            metrics.counter("hiwar.articles.metadata", "result", "foreign-host").increment();
            cleanUrl = null;
            cleanTitle = null;
        }
        // Almost always there and kept: no read; the managed entity only when something is written.
        Article article = kept.peek(id).orElse(null);
        if (article == null) {
            Article.insertIfAbsent(id, cleanUrl, cleanTitle, cleanSection,
                    config.autoCloseAfter().map(d -> java.time.Instant.now().plus(d)).orElse(null));
            article = Article.findById(id);
        }
        if (!article.metadataLocked) {
            boolean fillUrl = article.url == null && cleanUrl != null;
            boolean fillTitle = article.title == null && cleanTitle != null;
            boolean fillSection = article.section == null && cleanSection != null;
            if (fillUrl || fillTitle || fillSection) {
                article = Article.findById(id);
                changes.fire(new ArticleChanged(id));
            }
            if (fillSection) {
                article.section = cleanSection;
            }
            if (fillUrl) {
                article.url = cleanUrl;
            }
            if (fillTitle) {
                article.title = cleanTitle;
            }
            if (cleanUrl != null && (article.metadataConfirmedAt == null || !cleanUrl.equals(article.url)
                    || cleanTitle != null && !cleanTitle.equals(article.title))) {
                proposals.fire(new MetadataProposed(id, cleanUrl, cleanTitle));
            }
        }
        return article;
    }

    /** Every article as one JSON line of the site's export (streamed; in a transaction). */
    public long exportLines(java.util.function.Consumer<String> line) {
        return com.hiwar.db.Jdbc.lines("""
                select json_build_object('type', 'article', 'id', id, 'url', url, 'title', title, 'section', section, 'open', open,
                       'premoderated', premoderated, 'closesAt', closes_at, 'createdAt', created_at)::text
                from articles order by created_at, id""", line);
    }

    /**
     * An article an import names: a WordPress post's id, permalink and title, whether it takes
     * comments, and when it was published (null: now). {@code restored}: the settings a Hiwar
     * export carries, or null for the defaults.
     */
    public record Imported(String id, String url, String title, boolean open, java.time.Instant createdAt, Restored restored) {}

    /** An article's own settings as a Hiwar export has them. */
    public record Restored(String section, boolean premoderated, java.time.Instant closesAt) {}

    /**
     * The articles an import names, created if new and left as they are otherwise, in one
     * round trip. The admin's export is trusted for its own pages, but a permalink off the
     * publisher's hosts is still dropped. How many were new; an id this service cannot take is
     * a 422 naming it (check them first with {@link #checkId}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int imported(List<Imported> wanted) {
        java.time.Instant closes = config.autoCloseAfter().map(d -> java.time.Instant.now().plus(d)).orElse(null);
        int added = 0;
        for (int n : com.hiwar.db.Jdbc.batch("""
                insert into articles (id, url, title, closes_at, open, created_at, section, premoderated)
                values (?, ?, ?, ?, ?, coalesce(?, now()), ?, ?) on conflict (id) do nothing""", wanted, (s, a) -> {
            checkId(a.id());
            String url;
            try {
                url = checkUrl(a.url());
            } catch (ProblemException e) {
                url = null; // an old post's odd permalink costs the link, not the comments
            }
            s.setString(1, a.id());
            s.setString(2, url != null && hosts.allows(url) ? url : null);
            s.setString(3, TextSanitizer.cleanLabel(a.title(), MAX_TITLE));
            java.time.Instant closesAt = a.restored() != null ? a.restored().closesAt() : closes;
            s.setObject(4, closesAt == null ? null : closesAt.atOffset(java.time.ZoneOffset.UTC));
            s.setBoolean(5, a.open());
            s.setObject(6, a.createdAt() == null ? null : a.createdAt().atOffset(java.time.ZoneOffset.UTC));
            s.setString(7, a.restored() == null || a.restored().section() == null ? null : checkSection(a.restored().section(), "section"));
            s.setBoolean(8, a.restored() != null && a.restored().premoderated());
        })) {
            added += Math.max(0, n);
        }
        return added;
    }

    /** A moderator's correction: validated like a comment's proposal, and locked against later ones. */
    @Transactional(Transactional.TxType.MANDATORY)
    void correct(Article article, String title, String url) {
        if (url != null) {
            String clean = checkUrl(url);
            if (clean == null || !hosts.allows(clean)) {
                throw ProblemException.invalid("url", "must be an http or https URL on the publisher's hosts "
                        + hosts.hosts() + " (HIWAR_ARTICLES_ALLOWED_HOSTS)");
            }
            article.url = clean;
        }
        if (title != null) {
            String clean = TextSanitizer.cleanLabel(title, MAX_TITLE);
            if (clean == null || clean.isBlank()) {
                throw ProblemException.invalid("title", "must not be blank");
            }
            article.title = clean;
        }
        article.metadataLocked = true;
    }

    static final int MAX_SECTION = 60;

    /** A section (a desk's name): one label of letters, digits, spaces, - or _, lower-cased, as desks in tokens name it. */
    public static String checkSection(String section, String field) {
        String clean = TextSanitizer.cleanLabel(section, MAX_SECTION + 1);
        if (clean == null || clean.isBlank() || clean.length() > MAX_SECTION
                || !clean.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == ' ' || c == '-' || c == '_')) {
            throw ProblemException.invalid(field, "must be a section name of 1 to " + MAX_SECTION
                    + " letters, digits, spaces, - or _ (سياسة, sports)");
        }
        return clean.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The condition "{@code column} names an article of one of the sections bound to
     * {@code :sections}", for the owners of other tables to scope their queries to a desk: the
     * articles table's SQL stays here.
     */
    public static String inSections(String column) {
        return column + " in (select a.id from articles a where a.section in (:sections))";
    }

    /** The article's section, or null (no such article, or no section): for desk checks. */
    public String sectionOf(String articleId) {
        return peek(articleId).map(a -> a.section).orElse(null);
    }

    static String checkUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(url.strip());
            if (url.length() > MAX_URL || uri.getHost() == null
                    || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                throw new IllegalArgumentException();
            }
            return uri.toString();
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("articleUrl", "must be an absolute http or https URL of at most " + MAX_URL + " characters");
        }
    }
}
