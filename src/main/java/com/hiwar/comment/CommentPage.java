package com.hiwar.comment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommentPage(ArticleState article, List<CommentView> featured, List<CommentView> comments, String nextCursor) {

    /** A page without featured comments (replies, later pages). */
    public CommentPage(ArticleState article, List<CommentView> comments, String nextCursor) {
        this(article, null, comments, nextCursor);
    }

    /** The article as the widget needs it; {@code exists} is false before its first comment. */
    /**
     * {@code pace}: the surge autopilot's step when it is not normal, else null. {@code closesAt}
     * stays on the server: it bounds how long a kept page may be served.
     */
    public record ArticleState(String id, boolean exists, boolean open, long publishedCount, String title, String url, Pace pace,
                               @JsonIgnore Instant closesAt) {}

    /** A busy article: {@code step} is slow, held or closed; {@code waitSeconds} is how often a reader may comment under it. */
    public record Pace(String step, long waitSeconds) {}
}
