package com.hiwar.article;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "hiwar.articles")
public interface ArticleConfig {

    /** New articles stop taking comments this long after their first comment (unset: never). Moderators can change it per article. */
    Optional<Duration> autoCloseAfter();

    /**
     * Hosts the publisher's articles live on (news.example, www.news.example). An article URL on
     * any other host is ignored. Unset: the hosts of quarkus.http.cors.origins.
     */
    Optional<List<String>> allowedHosts();

    /** Fetch the publisher's page to confirm a proposed title and URL before storing them. */
    @WithDefault("true")
    boolean confirmMetadata();

    /** The same proposal for an article is checked at most this often (across instances). */
    @WithDefault("10m")
    Duration confirmInterval();

    /** Time allowed to fetch the publisher's page. */
    @WithDefault("5s")
    Duration confirmTimeout();

    /** Articles as new comments' checks read them, kept per instance (see KeptArticles). */
    Kept kept();

    interface Kept {
        /**
         * How long a copy is kept at most. A moderator's change, or the publisher's page confirming a
         * title, drops it everywhere at once through Redis; nothing is served from copies while Redis
         * cannot be asked.
         */
        @WithDefault("10m")
        Duration ttl();

        /** Articles each instance keeps; 0 reads the row for every comment. */
        @WithDefault("10000")
        long size();
    }
}
