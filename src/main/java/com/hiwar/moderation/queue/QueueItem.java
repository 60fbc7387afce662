package com.hiwar.moderation.queue;

import com.hiwar.moderation.rules.Reason;
import java.time.Instant;
import java.util.List;

/**
 * A comment as the moderator dashboard shows it: with its article, author, the pipeline's
 * reasons, readers' open reports and the parent. {@code hidden}: reports hid it from readers.
 */
public record QueueItem(long id, String status, String body, Instant createdAt, Instant editedAt, int version,
                       boolean featured, int openReports, boolean hidden, int likes, String claimedBy,
                       Instant claimExpiresAt, ArticleRef article, AuthorRef author, List<Reason> reasons,
                       List<ReportRef> reports, ParentRef parent) {

    /** An open report: never who filed it, so moderators judge the comment, not the reporter. */
    public record ReportRef(String reason, String note, int weight, Instant createdAt) {}

    public record ArticleRef(String id, String title, String url, String section) {}

    /** {@code id} null and {@code status} "guest": an imported guest, known by name only. */
    public record AuthorRef(Long id, String name, String status, boolean trusted, boolean premoderated,
                            long published, long rejected, long reported) {}

    public record ParentRef(long id, String status, String body, String authorName) {}

    public record Page(List<QueueItem> items, String nextCursor) {}
}
