package com.hiwar.moderation.people;

import com.hiwar.moderation.queue.QueueItem;
import com.hiwar.moderation.queue.ModerationQueue;
import com.hiwar.audit.AuditLog;
import com.hiwar.audit.Audit;
import com.hiwar.auth.Actor;
import com.hiwar.auth.User;
import com.hiwar.problem.ProblemException;
import com.hiwar.text.TextSanitizer;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Moderators' view of a reader, and what they can do to one: ban, pre-moderate, trust, notes. */
@ApplicationScoped
public class ModeratedUsers {

    public record Ban(Instant until, Boolean rejectComments, String reason) {}

    public record Settings(Boolean premoderated, Boolean trusted) {}

    public record Note(long id, String author, String body, Instant createdAt) {}

    public record Profile(long id, String subject, String name, String status, Instant bannedUntil, boolean trusted,
                          boolean premoderated, Instant createdAt, Map<String, Long> comments, long openReports,
                          List<QueueItem> recentComments, List<AuditLog.Entry> decisions, List<Note> notes) {}

    @Inject
    ModerationQueue queue;

    @Inject
    AuditLog audit;

    @Transactional
    public Profile profile(long userId) {
        User u = user(userId);
        var em = Panache.getEntityManager();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select status, count(*), coalesce(sum(open_reports), 0) from comments where author_id = :u group by status")
                .setParameter("u", userId).getResultList();
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (String s : List.of("published", "pending", "rejected", "deleted")) {
            byStatus.put(s, 0L);
        }
        long reports = 0;
        for (Object[] r : rows) {
            byStatus.put((String) r[0], ((Number) r[1]).longValue());
            reports += ((Number) r[2]).longValue();
        }
        @SuppressWarnings("unchecked")
        List<Long> recent = em.createNativeQuery(
                "select id from comments where author_id = :u order by created_at desc, id desc limit 20", Long.class)
                .setParameter("u", userId).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> notes = em.createNativeQuery(
                "select id, author, body, created_at from moderator_notes where user_id = :u order by id desc limit 50")
                .setParameter("u", userId).getResultList();
        return new Profile(u.id, u.subject, u.displayName, u.status, u.bannedUntil, u.trusted, u.premoderated, u.createdAt,
                byStatus, reports, queue.items(recent),
                audit.query(new AuditLog.Filter(null, userId, null, null), null, 50).entries(),
                notes.stream().map(n -> new Note((Long) n[0], (String) n[1], (String) n[2], com.hiwar.db.Rows.instant(n[3]))).toList());
    }

    /** Takes effect on the user's next request: every write checks the ban. */
    @Transactional
    public Profile ban(long userId, Ban ban, Actor actor) {
        User u = user(userId);
        mayActOnAccount(u, actor);
        if (u.isAdmin() && User.otherActiveAdmins(u.id) == 0) {
            throw new ProblemException(409, "last-admin", "Last admin",
                    "This is the only active admin; make someone else an admin before banning this account");
        }
        String moderator = actor.subject();
        if (ban != null && ban.until() != null && !ban.until().isAfter(Instant.now())) {
            throw ProblemException.invalid("until", "must be in the future (omit it for a permanent ban)");
        }
        String reason = ban == null ? null : TextSanitizer.cleanLabel(ban.reason(), 500);
        u.status = User.BANNED;
        u.bannedUntil = ban == null ? null : ban.until();
        int rejected = 0;
        if (ban != null && Boolean.TRUE.equals(ban.rejectComments())) {
            Audit.actAs(moderator, "reject", "ban");
            rejected = Panache.getEntityManager().createNativeQuery("""
                    update comments set status = 'rejected', featured = false, version = version + 1
                    where author_id = :u and status in ('published', 'pending')""")
                    .setParameter("u", userId).executeUpdate();
        }
        Map<String, Object> details = new HashMap<>();
        details.put("until", u.bannedUntil == null ? "permanent" : u.bannedUntil.toString());
        details.put("rejectedComments", rejected);
        Audit.record(moderator, "ban", null, userId, null, reason, details);
        return profile(userId);
    }

    @Transactional
    public Profile unban(long userId, Actor actor) {
        User u = user(userId);
        mayActOnAccount(u, actor);
        String moderator = actor.subject();
        u.status = User.ACTIVE;
        u.bannedUntil = null;
        Audit.record(moderator, "unban", null, userId, null, null, Map.of());
        return profile(userId);
    }

    @Transactional
    public Profile update(long userId, Settings settings, String moderator) {
        User u = user(userId);
        Map<String, Object> details = new HashMap<>();
        if (settings.premoderated() != null) {
            u.premoderated = settings.premoderated();
            details.put("premoderated", u.premoderated);
        }
        if (settings.trusted() != null) {
            u.trusted = settings.trusted();
            details.put("trusted", u.trusted);
        }
        Audit.record(moderator, "user-settings", null, userId, null, null, details);
        return profile(userId);
    }

    @Transactional
    public Profile note(long userId, String body, String moderator) {
        user(userId);
        String text = TextSanitizer.clean(body, "body", 1, 2000);
        Panache.getEntityManager().createNativeQuery(
                "insert into moderator_notes (user_id, author, body) values (:u, :a, :b)")
                .setParameter("u", userId).setParameter("a", moderator).setParameter("b", text).executeUpdate();
        Audit.record(moderator, "note", null, userId, null, null, Map.of());
        return profile(userId);
    }

    /** Moderators act on readers; only an admin may ban or unban staff. */
    private static void mayActOnAccount(User target, Actor actor) {
        if (target.isStaff() && !actor.isAdmin()) {
            throw ProblemException.forbidden("staff-admin-only", "Admins only",
                    "Only an admin may ban or unban a moderator or an admin");
        }
    }

    private static User user(long id) {
        return User.<User>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("User", id));
    }
}
