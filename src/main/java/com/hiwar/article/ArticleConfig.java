package com.hiwar.article;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "hiwar.articles")
public interface ArticleConfig {

    /** New articles stop taking comments this long after their first comment (unset: never). Moderators can change it per article. */
    Optional<Duration> autoCloseAfter();
}
