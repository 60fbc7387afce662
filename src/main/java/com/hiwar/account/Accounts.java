package com.hiwar.account;

import com.hiwar.auth.User;
import com.hiwar.notification.Notifications;
import com.hiwar.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.hiwar.db.Rows.count;
import static com.hiwar.db.Rows.instant;

/** A reader's own data: profile with counts, and everything about them as one JSON export. */
@ApplicationScoped
public class Accounts {

    @Inject
    Notifications notifications;

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
        User user = User.<User>findByIdOptional(userId).orElseThrow(() -> ProblemException.notFound("Account", userId));
        var em = Panache.getEntityManager();
        Map<String, Long> comments = new LinkedHashMap<>();
        for (String status : List.of("published", "pending", "rejected", "deleted")) {
            comments.put(status, 0L);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> byStatus = em.createNativeQuery(
                "select status, count(*) from comments where author_id = :u group by status")
                .setParameter("u", userId).getResultList();
        byStatus.forEach(r -> comments.put((String) r[0], count(r[1])));
        Object[] totals = (Object[]) em.createNativeQuery("""
                select (select count(*) from comment_likes where user_id = :u),
                       (select coalesce(sum(like_count), 0) from comments where author_id = :u),
                       (select count(*) from comment_reports where user_id = :u)""")
                .setParameter("u", userId).getSingleResult();
        return new Profile(user.id, user.subject, user.displayName, user.createdAt, user.status, user.bannedUntil,
                user.trusted, new Counts(comments, count(totals[0]), count(totals[1]), count(totals[2]),
                Notifications.unread(userId)), user.eraseRequestedAt);
    }

    @Transactional
    public Export export(long userId) {
        Profile profile = profile(userId);
        var em = Panache.getEntityManager();
        @SuppressWarnings("unchecked")
        List<Object[]> comments = em.createNativeQuery("""
                select c.id, c.article_id, a.title, a.url, c.parent_id, c.status, c.body, c.created_at, c.edited_at,
                       c.deleted_at, c.like_count
                from comments c join articles a on a.id = c.article_id
                where c.author_id = :u order by c.created_at, c.id""").setParameter("u", userId).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> likes = em.createNativeQuery(
                "select comment_id, created_at from comment_likes where user_id = :u order by created_at")
                .setParameter("u", userId).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> reports = em.createNativeQuery("""
                select comment_id, reason, note, created_at, resolution from comment_reports
                where user_id = :u order by created_at""").setParameter("u", userId).getResultList();
        return new Export(Instant.now(), profile,
                comments.stream().map(r -> new ExportedComment(count(r[0]), (String) r[1], (String) r[2], (String) r[3],
                        r[4] == null ? null : count(r[4]), (String) r[5], (String) r[6], instant(r[7]), instant(r[8]),
                        instant(r[9]), (int) count(r[10]))).toList(),
                likes.stream().map(r -> new ExportedLike(count(r[0]), instant(r[1]))).toList(),
                reports.stream().map(r -> new ExportedReport(count(r[0]), (String) r[1], (String) r[2], instant(r[3]),
                        (String) r[4])).toList(),
                notifications.all(userId));
    }
}
