package com.hiwar.article;

import com.hiwar.problem.ProblemException;
import com.hiwar.text.TextSanitizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

@ApplicationScoped
public class ArticleService {

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

    @jakarta.inject.Inject
    ArticleConfig config;

    /** The article a new comment goes to, created on its first comment; url and title fill in once known. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Article findOrCreate(String id, String url, String title) {
        checkId(id);
        String cleanUrl = checkUrl(url);
        String cleanTitle = TextSanitizer.cleanLabel(title, MAX_TITLE);
        Article.insertIfAbsent(id, cleanUrl, cleanTitle,
                config.autoCloseAfter().map(d -> java.time.Instant.now().plus(d)).orElse(null));
        Article article = Article.findById(id);
        if (article.url == null && cleanUrl != null) {
            article.url = cleanUrl;
        }
        if (article.title == null && cleanTitle != null) {
            article.title = cleanTitle;
        }
        return article;
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
