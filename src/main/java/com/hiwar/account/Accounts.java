package com.hiwar.account;

import com.hiwar.article.Article;
import com.hiwar.article.ArticleService;
import com.hiwar.auth.User;
import com.hiwar.comment.CommentStore;
import com.hiwar.notification.Notifications;
import com.hiwar.problem.ProblemException;
import com.hiwar.reaction.Likes;
import com.hiwar.report.Reports;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A reader's own data: profile with counts, and everything about them as one JSON export. */
@ApplicationScoped
class Accounts {

    @Inject
    Notifications notifications;

    @Inject
    CommentStore comments;

    @Inject
    ArticleService articles;

    @Inject
    Likes likes;

    @Inject
    Reports reports;

    public record Profile(long id, String subject, String name, Instant createdAt, String status, Instant bannedUntil,
                          boolean trusted, Counts counts, Instant erasureRequestedAt) {}

    public record Counts(Map<String, Long> comments, long likesGiven, long likesReceived, long reportsFiled,
                         long unreadNotifications) {}

    public record Export(Instant exportedAt, Profile profile, List<ExportedComment> comments,
                         List<ExportedLike> likes, List<ExportedReport> reports, Notifications.Page notifications) {}

    public record ExportedComment(long id, String articleId, String articleTitle, String articleUrl, Long parentId,
                                  String status, String body, Instant createdAt, Instant editedAt, Instant deletedAt,
                                  int likes) {}

    public record ExportedLike(long commentId, Instant createdAt) {}

    public record ExportedReport(long commentId, String reason, String note, Instant createdAt, String resolution) {}

    @Transactional
    public Profile profile(long userId) {
        User user = User.byId(userId).orElseThrow(() -> ProblemException.notFound("Account", userId));
        CommentStore.AuthorTally tally = comments.tally(userId);
        return new Profile(user.id, user.subject, user.displayName, user.createdAt, user.status, user.bannedUntil,
                user.trusted, new Counts(tally.byStatus(), likes.countGivenBy(userId), tally.likesReceived(),
                reports.countFiledBy(userId), Notifications.unread(userId)), user.eraseRequestedAt);
    }

    @Transactional
    public Export export(long userId) {
        Profile profile = profile(userId);
        List<CommentStore.ExportRow> own = comments.exportRows(userId);
        Map<String, Article> titled = articles.byIds(own.stream().map(CommentStore.ExportRow::articleId).toList());
        return new Export(Instant.now(), profile,
                own.stream().map(c -> {
                    Article a = titled.get(c.articleId());
                    return new ExportedComment(c.id(), c.articleId(), a == null ? null : a.title, a == null ? null : a.url,
                            c.parentId(), c.status(), c.body(), c.createdAt(), c.editedAt(), c.deletedAt(), c.likes());
                }).toList(),
                likes.givenBy(userId).stream().map(l -> new ExportedLike(l.commentId(), l.createdAt())).toList(),
                reports.filedBy(userId).stream().map(r -> new ExportedReport(r.commentId(), r.reason(), r.note(),
                        r.createdAt(), r.resolution())).toList(),
                notifications.all(userId));
    }
}
