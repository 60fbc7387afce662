package com.hiwar.portability;

import java.time.Instant;
import java.util.List;

/** An export being read: its posts (articles), each with its comments, in file order. */
interface Source {

    /**
     * One comment as the export has it. {@code approved}: WordPress' 1, 0, spam or trash (or
     * rejected, from a Hiwar export). The author is an account by {@code subject} (a Hiwar
     * export), by WordPress {@code userId} (above 0), or else a guest by name. {@code guestKey}:
     * the guest's email as a salted hash, when the admin asked to merge guests (the email itself
     * never leaves the reader). {@code restored}: what a Hiwar export adds, else null.
     */
    record Entry(String id, String parentId, String author, long userId, String subject, Instant date, String content,
                 String approved, String type, String guestKey, com.hiwar.comment.ImportedComments.Restored restored) {}

    /** A guest's email as the key that merges their comments into one account, or null (not asked, or no email). */
    interface GuestKeys {
        String of(String email);

        GuestKeys NONE = email -> null;
    }

    /**
     * A post (an article here) and its comments. {@code date}: when it was published, if the
     * export says; {@code restored}: the article's settings, from a Hiwar export only.
     */
    record Post(String id, String url, String title, String type, String status, boolean commentsOpen, Instant date,
                com.hiwar.article.ArticleService.Restored restored, List<Entry> comments) {}

    /**
     * The most comments handed on at once: a post with more comes in several parts, so memory
     * holds at most this many comments whatever one post has. A reply whose parent is in an
     * earlier part finds it written already.
     */
    int PART = 1000;

    interface Sink {
        void post(Post post) throws SafeXml.Refused;

        /** An account of a Hiwar export, before any comment names it (the other formats name authors only through comments). */
        default void account(com.hiwar.auth.User.Restored account) throws SafeXml.Refused {}

        /** A like of a Hiwar export, after the comments it names (as are reports and decisions). */
        default void like(com.hiwar.reaction.Likes.Restored like) throws SafeXml.Refused {}

        default void report(com.hiwar.report.Reports.Restored report) throws SafeXml.Refused {}

        default void decision(com.hiwar.moderation.ModerationDecision.Restored decision) throws SafeXml.Refused {}
    }

    /** Makes the post a run of comments belongs to, from its key (a thread, an article). */
    interface PostOf {
        Post post(String key, List<Entry> comments) throws SafeXml.Refused;
    }

    /**
     * Comments that come one by one with the key of their post, handed on as a part whenever the
     * key changes or {@link #PART} are waiting.
     */
    final class Parts {
        private final Sink sink;
        private final PostOf postOf;
        private String key;
        private List<Entry> comments = new java.util.ArrayList<>();

        Parts(Sink sink, PostOf postOf) {
            this.sink = sink;
            this.postOf = postOf;
        }

        void add(String postKey, Entry comment) throws SafeXml.Refused {
            if (key != null && (!key.equals(postKey) || comments.size() == PART)) {
                flush();
            }
            key = postKey;
            comments.add(comment);
        }

        /** Hands on what is waiting (at the end of the file). */
        void flush() throws SafeXml.Refused {
            if (!comments.isEmpty()) {
                sink.post(postOf.post(key, comments));
                comments = new java.util.ArrayList<>();
            }
        }
    }

    /** Reads the whole file; a problem anywhere refuses it. */
    void read(Sink sink) throws SafeXml.Refused;

    /** What every source key of this export starts with: the system and the site, so two sites never collide. */
    String keyPrefix();

    /** Whether comments are HTML (WordPress, Disqus), or plain text already (a Hiwar export). */
    default boolean html() {
        return true;
    }
}
