package com.hiwar.comment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Request bodies. Unknown fields are refused (quarkus.jackson.fail-on-unknown-properties). */
public final class CommentRequests {

    private CommentRequests() {}

    public record NewComment(
            @NotNull(message = "is required") String body,
            Long parentId,
            @Size(max = 2048, message = "is too long") String articleUrl,
            @Size(max = 1000, message = "is too long") String articleTitle,
            @Size(max = 200, message = "is too long") String articleSection) {}

    /** {@code version} is the one the author last saw; a newer one on the server means 409. */
    public record CommentEdit(
            @NotNull(message = "is required") String body,
            @PositiveOrZero Integer version) {}
}
