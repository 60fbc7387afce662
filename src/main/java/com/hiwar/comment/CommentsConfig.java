package com.hiwar.comment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "hiwar.comments")
public interface CommentsConfig {

    /** Shortest body, in code points after trimming. */
    @WithDefault("1")
    int minLength();

    /** Longest body, in code points. */
    @WithDefault("5000")
    int maxLength();

    /** How long an author may edit a comment after posting it. */
    @WithDefault("15m")
    Duration editWindow();

    /** Deepest reply level (top level is 0); replies below it attach at this level. */
    @WithDefault("3")
    int maxDepth();

    @WithDefault("20")
    int pageSize();

    @WithDefault("100")
    int maxPageSize();

    /** Replies embedded under each top-level comment in a page. */
    @WithDefault("3")
    int previewReplies();
}
