package com.hiwar.moderation.people;

import com.hiwar.audit.Audit;
import com.hiwar.auth.User;
import com.hiwar.comment.CommentChanged;
import com.hiwar.comment.CommentStatus;
import com.hiwar.comment.CommentStore;
import com.hiwar.report.CommentReported;
import com.hiwar.report.Reports;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * Holds readers for their record, and lets them go. Runs inside the transaction that rejected
 * or reported a comment: the hold and its audit entry commit with it. A moderator approving one
 * of a held reader's comments releases them (they looked, and found the reader fine).
 */
@ApplicationScoped
class HistoryHolds {

    static final String REJECTIONS = "rejections";
    static final String REPORTS = "reports";

    @Inject
    HistoryConfig config;

    @Inject
    CommentStore comments;

    @Inject
    Reports reports;

    void onComment(@Observes CommentChanged e) {
        if (!config.enabled() || e.authorId() == null) {
            return;
        }
        if ("approve".equals(e.decision())) {
            String was = User.release(e.authorId());
            if (was != null) {
                Audit.record(e.actor(), "history-release", e.id(), e.authorId(), e.articleId(), was, Map.of("approved", e.id()));
            }
        } else if (e.status() == CommentStatus.REJECTED && e.statusBefore() != CommentStatus.REJECTED && config.rejections() > 0) {
            List<Long> recent = comments.recentIds(e.authorId(), config.recent());
            long rejected = comments.countWithStatus(recent, CommentStatus.REJECTED);
            if (rejected >= config.rejections()) {
                hold(e.authorId(), REJECTIONS, e.id(), e.articleId(), Map.of("rejected", rejected, "of", recent.size()));
            }
        }
    }

    void onReport(@Observes CommentReported e) {
        if (!config.enabled() || e.authorId() == null || config.reportedComments() <= 0) {
            return;
        }
        List<Long> recent = comments.recentIds(e.authorId(), config.recent());
        long reported = reports.reportedByAtLeast(recent, config.reporters());
        if (reported >= config.reportedComments()) {
            hold(e.authorId(), REPORTS, e.commentId(), e.articleId(),
                    Map.of("reported", reported, "of", recent.size(), "reporters", config.reporters()));
        }
    }

    private static void hold(long userId, String reason, long commentId, String articleId, Map<String, Object> figures) {
        if (User.hold(userId, reason, figures)) {
            Audit.record("system", "history-hold", commentId, userId, articleId, reason, figures);
        }
    }
}
