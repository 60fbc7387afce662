package com.hiwar.moderation.people;

import com.hiwar.audit.Audit;
import com.hiwar.audit.AuditLog;
import com.hiwar.auth.Actor;
import com.hiwar.auth.BanChanged;
import com.hiwar.auth.User;
import com.hiwar.comment.CommentStore;
import com.hiwar.moderation.queue.ModerationQueue;
import com.hiwar.moderation.queue.QueueItem;
import com.hiwar.problem.ProblemException;
import com.hiwar.text.TextSanitizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Moderators' view of a reader, and what they can do to one: ban, pre-moderate, trust, notes. */
@ApplicationScoped
class ModeratedUsers {

    public record Ban(Instant until, Boolean rejectComments, String reason) {}

    /** {@code held}: false lifts a history hold (holds are set only by the reader's record). */
    public record Settings(Boolean premoderated, Boolean trusted, Boolean held) {}

    /** Why a reader's comments are held for their record, since when, and the figures behind it. */
    public record Hold(String reason, Instant since, Map<String, Object> figures) {}

    public record Note(long id, String author, String body, Instant createdAt) {}

    public record Profile(long id, String subject, String name, String status, Instant bannedUntil, boolean trusted,
                          boolean premoderated, Hold hold, Instant createdAt, Map<String, Long> comments, long openReports,
                          List<QueueItem> recentComments, List<AuditLog.Entry> decisions, List<Note> notes) {}

    @Inject
    jakarta.enterprise.event.Event<BanChanged> banChanges;

    @Inject
    ModerationQueue queue;

    @Inject
    CommentStore comments;

    @Inject
    AuditLog audit;

    /** A reader as a moderator sees them: a desk moderator sees only their comments and log entries on the desk's articles. */
    @Transactional
    public Profile profile(long userId, Actor viewer) {
        User u = user(userId);
        CommentStore.AuthorTally tally = comments.tally(userId);
        Set<String> desks = viewer.deskScope();
        return new Profile(u.id, u.subject, u.displayName, u.status, u.bannedUntil, u.trusted, u.premoderated,
                u.heldReason == null ? null : new Hold(u.heldReason, u.heldAt, u.heldDetails), u.createdAt,
                tally.byStatus(), tally.openReports(), queue.items(comments.recentIds(userId, 20)).stream().filter(i -> viewer.covers(i.article().section())).toList(),
                audit.query(new AuditLog.Filter(null, userId, null, null, desks), null, 50).entries(),
                ModeratorNotes.about(userId, 50));
    }

    /** Takes effect on the user's next request: every write checks the ban. */
    @Transactional
    public Profile ban(long userId, Ban ban, Actor actor) {
        User u = locked(userId);
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
        u.ban(ban == null ? null : ban.until());
        int rejected = ban != null && Boolean.TRUE.equals(ban.rejectComments()) ? comments.rejectAllBy(userId, moderator) : 0;
        Map<String, Object> details = new HashMap<>();
        details.put("until", u.bannedUntil == null ? "permanent" : u.bannedUntil.toString());
        details.put("rejectedComments", rejected);
        Audit.record(moderator, "ban", null, userId, null, reason, details);
        banChanges.fire(new BanChanged(userId, true, u.bannedUntil, moderator, reason));
        return profile(userId, actor);
    }

    @Transactional
    public Profile unban(long userId, Actor actor) {
        User u = locked(userId);
        mayActOnAccount(u, actor);
        String moderator = actor.subject();
        u.unban();
        Audit.record(moderator, "unban", null, userId, null, null, Map.of());
        banChanges.fire(new BanChanged(userId, false, null, moderator, null));
        return profile(userId, actor);
    }

    @Transactional
    public Profile update(long userId, Settings settings, Actor actor) {
        String moderator = actor.subject();
        if (Boolean.TRUE.equals(settings.held())) {
            throw ProblemException.invalid("held", "can only be false: holds come from the reader's record (use premoderated to hold them yourself)");
        }
        User u = locked(userId);
        u.configure(settings.premoderated(), settings.trusted());
        Map<String, Object> details = new HashMap<>();
        String released = Boolean.FALSE.equals(settings.held()) ? u.releaseHold() : null;
        if (released != null) {
            Audit.record(moderator, "history-release", null, userId, null, released, Map.of());
            details.put("held", false);
        }
        if (settings.premoderated() != null) {
            details.put("premoderated", u.premoderated);
        }
        if (settings.trusted() != null) {
            details.put("trusted", u.trusted);
        }
        Audit.record(moderator, "user-settings", null, userId, null, null, details);
        return profile(userId, actor);
    }

    @Transactional
    public Profile note(long userId, String body, Actor actor) {
        String moderator = actor.subject();
        user(userId);
        String text = TextSanitizer.clean(body, "body", 1, 2000);
        ModeratorNotes.add(userId, moderator, text);
        Audit.record(moderator, "note", null, userId, null, null, Map.of());
        return profile(userId, actor);
    }

    /** Moderators act on readers; only an admin may ban or unban staff. */
    private static void mayActOnAccount(User target, Actor actor) {
        if (target.isStaff() && !actor.isAdmin()) {
            throw ProblemException.forbidden("staff-admin-only", "Admins only",
                    "Only an admin may ban or unban a moderator or an admin");
        }
    }

    private static User locked(long id) {
        return User.byIdForUpdate(id).orElseThrow(() -> ProblemException.notFound("User", id));
    }

    private static User user(long id) {
        return User.byId(id).orElseThrow(() -> ProblemException.notFound("User", id));
    }
}
