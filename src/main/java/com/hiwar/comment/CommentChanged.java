package com.hiwar.comment;

/**
 * A comment was created or changed. Fired inside the changing transaction; observers that act
 * outside the database (the live stream, caches) observe it after the commit.
 *
 * @param publicView   the comment as anonymous readers see it, when it is public
 * @param decision     the moderator's action (approve, reject, ...) when one caused the change
 * @param actor        who made that decision (the moderator's login), when there was one
 * @param change       what happened
 * @param statusBefore its status before the change; null when it was created
 * @param status       its status now
 * @param hidden       hidden by reports now
 */
public record CommentChanged(String articleId, long id, Long parentId, Long authorId, int version,
                             boolean wasPublic, boolean isPublic, CommentView publicView, String decision, String actor,
                             Change change, CommentStatus statusBefore, CommentStatus status, boolean hidden) {

    public enum Change { CREATED, EDITED, DELETED, DECIDED, HIDDEN, ERASED }

    /** It just became visible to everyone: new, approved, or restored. */
    public boolean appeared() {
        return !wasPublic && isPublic;
    }

    /** It stopped being visible to everyone: deleted, rejected, hidden, or held after an edit. */
    public boolean disappeared() {
        return wasPublic && !isPublic;
    }
}
