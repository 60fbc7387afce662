package com.hiwar.comment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** A comment as readers receive it. Deleted comments keep their place but lose body and author. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommentView(
        long id,
        String articleId,
        Long parentId,
        int depth,
        CommentStatus status,
        /** For the author only: "awaiting review" or "not published", never the rule that fired. */
        String notice,
        /** For the author only: readers' reports hid it from everyone else until a moderator decides. */
        Boolean hidden,
        String body,
        String dir,
        Author author,
        Instant createdAt,
        Instant editedAt,
        int version,
        int likes,
        /** Whether the signed-in viewer likes it; absent for anonymous readers. */
        Boolean liked,
        boolean mine,
        Instant editableUntil,
        Long replyCount,
        List<CommentView> replies) {

    /** Who wrote it: an account ({@code id}), or an imported guest known by name only ({@code id} null). */
    public record Author(Long id, String name) {}

    /**
     * This public view as one signed-in reader sees it: whether they like it, whether it is theirs
     * and until when they may edit it. Only for public comments, which carry no notice.
     */
    CommentView forViewer(long viewer, Set<Long> liked, Function<Instant, Instant> editableUntil) {
        boolean deleted = status == CommentStatus.DELETED;
        boolean own = !deleted && author != null && author.id() != null && author.id() == viewer;
        List<CommentView> personal = replies == null ? null
                : replies.stream().map(r -> r.forViewer(viewer, liked, editableUntil)).toList();
        return new CommentView(id, articleId, parentId, depth, status, notice, hidden, body, dir, author, createdAt, editedAt,
                version, likes, deleted ? null : liked.contains(id), own,
                own && status == CommentStatus.PUBLISHED ? editableUntil.apply(createdAt) : null, replyCount, personal);
    }
}
