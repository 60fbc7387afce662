package com.hiwar.comment;

import com.hiwar.auth.Actor;
import java.util.List;

/**
 * The automatic moderation a new or edited comment passes before it is stored; implemented
 * where the rules live, so that comments do not depend on moderation.
 */
public interface Screening {

    /**
     * Decides a body written on an article. {@code commentId} is the comment being edited (its
     * own text is not a repeat), or null for a new one. Runs inside the comment's transaction.
     */
    Screened screen(Actor actor, String articleId, boolean articlePremoderated, String body, Long commentId);

    /** A screening's outcome; {@link #record} stores its reasons once the comment has its id and version. */
    interface Screened {
        CommentStatus status();

        /** The body normalized for matching, kept for moderator search and repeat detection. */
        String searchText();

        /** The rules that held or rejected it. */
        List<String> rules();

        /** Records the decision on a comment already stored (an edit). */
        void record(long commentId, int version);

        /** Records the decision in the same statement as a new comment's insert ({@link com.hiwar.db.Jdbc.Companion}). */
        com.hiwar.db.Jdbc.Companion recordWith();

        /** What is left to record once that insert gave the new comment its id. */
        void recorded(long commentId);
    }
}
