package com.hiwar.auth;

import com.hiwar.db.Jdbc;
import com.hiwar.db.Row;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A reader as the publisher's login knows them; {@code subject} is the token's {@code sub}. */
@Entity
@Table(name = "users")
// Only the columns a change touched are written: a reader's own request and a moderator's ban, each
// from its own snapshot of the row, must not write back each other's columns.
@org.hibernate.annotations.DynamicUpdate
public class User extends PanacheEntityBase {

    public static final String ACTIVE = "active";
    public static final String BANNED = "banned";
    /** The subjects of accounts an import makes for guests it merges by email: no token may name one. */
    public static final String GUEST_PREFIX = "guest:";

    @Id
    public Long id;
    public String subject;
    @Column(name = "display_name")
    public String displayName;
    public String status;
    @Column(name = "banned_until")
    public Instant bannedUntil;
    /** Granted by a moderator: looser rate limits, as for tokens with the "trusted" claim. */
    public boolean trusted;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "last_seen_at")
    public Instant lastSeenAt;
    /** Set by a moderator: every comment of this user waits for review. */
    public boolean premoderated;
    /** Held for their record ("rejections" or "reports") until a moderator approves one of their comments; null when not. */
    @Column(name = "held_reason")
    public String heldReason;
    @Column(name = "held_at")
    public Instant heldAt;
    /** The figures that led to the hold. */
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON)
    @Column(name = "held_details")
    public Map<String, Object> heldDetails;
    /** Staff groups (moderator, admin) of the user's latest token; rules about staff read them. */
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.ARRAY)
    @Column(name = "staff_groups")
    public List<String> staffGroups = List.of();
    /** The reader asked for erasure: the account is frozen until the erasure job removes it. */
    @Column(name = "erase_requested_at")
    public Instant eraseRequestedAt;

    public boolean isBannedAt(Instant now) {
        return BANNED.equals(status) && (bannedUntil == null || bannedUntil.isAfter(now));
    }

    /** Only the id, without loading the user. */
    static OptionalLong idOfSubject(String subject) {
        List<?> rows = getEntityManager().createNativeQuery("select id from users where subject = :s")
                .setParameter("s", subject).getResultList();
        return rows.isEmpty() ? OptionalLong.empty() : OptionalLong.of(((Number) rows.get(0)).longValue());
    }

    /** How stale last_seen_at may get before a request refreshes it. */
    static final java.time.Duration SEEN_PRECISION = java.time.Duration.ofMinutes(5);

    /**
     * The user behind a token: read when known and unchanged, written only on first sight, a new
     * display name, or a last_seen_at older than {@link #SEEN_PRECISION}. Most writes then cost
     * no extra row write (no row lock, no WAL flush) for their author.
     */
    static User current(String subject, String displayName, List<String> staffGroups, java.util.function.LongConsumer renamed) {
        User known = bySubject(subject).orElse(null);
        if (known == null) {
            known = upsert(subject, displayName);
        }
        if (needsTouch(known, displayName, staffGroups)) {
            Instant now = Instant.now();
            long id = known.id;
            Jdbc.update("update users set staff_groups = ?, display_name = ?, last_seen_at = ? where id = ?", s -> {
                s.setArray(1, Jdbc.texts(s, staffGroups));
                s.setString(2, displayName);
                s.setObject(3, now.atOffset(java.time.ZoneOffset.UTC));
                s.setLong(4, id);
            });
            if (!java.util.Objects.equals(known.displayName, displayName)) {
                renamed.accept(id);
            }
            known.staffGroups = staffGroups;
            known.displayName = displayName;
            known.lastSeenAt = now;
        }
        return known;
    }

    /** Whether a request with this token's name and groups must write the user: they moved, or last_seen_at is stale. */
    static boolean needsTouch(User known, String displayName, List<String> staffGroups) {
        return !known.staffGroups.equals(staffGroups) || !java.util.Objects.equals(known.displayName, displayName)
                || known.lastSeenAt == null || known.lastSeenAt.isBefore(Instant.now().minus(SEEN_PRECISION));
    }

    /** The lean read every write's check makes: a detached copy. */
    static Optional<User> bySubject(String subject) {
        return Jdbc.list(BY_SUBJECT, s -> s.setString(1, subject), User::detached).stream().findFirst();
    }

    /**
     * A change to what the check of a user's writes reads (ban, trust, pre-moderation, hold,
     * erasure): every instance drops its copy once the transaction commits ({@link KeptUsers}).
     */
    private static void changed(long id) {
        io.quarkus.arc.Arc.container().beanManager().getEvent().select(UserChanged.class).fire(new UserChanged(id));
    }

    /** What {@link #detached} reads. */
    private static final String COLUMNS = """
            id, subject, display_name, status, banned_until, trusted, created_at, last_seen_at,
            premoderated, staff_groups, erase_requested_at, held_reason, held_at""";

    private static final String BY_SUBJECT = "select " + COLUMNS + " from users where subject = ?";

    private static User detached(java.sql.ResultSet r) throws java.sql.SQLException {
        User u = new User();
        u.id = r.getLong("id");
        u.subject = r.getString("subject");
        u.displayName = r.getString("display_name");
        u.status = r.getString("status");
        u.bannedUntil = Jdbc.instant(r, "banned_until");
        u.trusted = r.getBoolean("trusted");
        u.createdAt = Jdbc.instant(r, "created_at");
        u.lastSeenAt = Jdbc.instant(r, "last_seen_at");
        u.premoderated = r.getBoolean("premoderated");
        u.staffGroups = List.of((String[]) r.getArray("staff_groups").getArray());
        u.eraseRequestedAt = Jdbc.instant(r, "erase_requested_at");
        u.heldReason = r.getString("held_reason");
        u.heldAt = Jdbc.instant(r, "held_at");
        return u;
    }

    /** Every account as one JSON line of the site's export, without anything secret (streamed; in a transaction). */
    public static long exportLines(java.util.function.Consumer<String> line) {
        return Jdbc.lines("""
                select json_build_object('type', 'user', 'id', id, 'subject', subject, 'name', display_name, 'status', status,
                       'bannedUntil', banned_until, 'trusted', trusted, 'premoderated', premoderated, 'createdAt', created_at)::text
                from users order by id""", line);
    }

    /** An account as a Hiwar export has it, to restore: its moderation state comes along. */
    public record Restored(String subject, String name, String status, Instant bannedUntil, boolean trusted, boolean premoderated,
                           Instant createdAt) {}

    /**
     * Accounts of a Hiwar export, created as they were (bans, trust, pre-moderation), or left as
     * they are if already here. Their ids by subject, in one statement.
     */
    public static Map<String, Long> restored(List<Restored> accounts) {
        if (accounts.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> ids = new HashMap<>();
        Jdbc.list("""
                with wanted as (select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::boolean[], ?::text[])
                                as w(subject, name, status, banned_until, trusted, premoderated, created_at)),
                     added as (insert into users (subject, display_name, status, banned_until, trusted, premoderated, created_at)
                               select subject, name, status, banned_until::timestamptz, trusted, premoderated,
                                      coalesce(created_at::timestamptz, now()) from wanted
                               on conflict (subject) do nothing returning id, subject)
                select id, subject from added
                union all select u.id, u.subject from users u join wanted w on w.subject = u.subject""", s -> {
            java.sql.Connection c = s.getConnection();
            s.setArray(1, Jdbc.texts(s, accounts.stream().map(Restored::subject).toList()));
            s.setArray(2, c.createArrayOf("text", accounts.stream().map(Restored::name).toArray()));
            s.setArray(3, Jdbc.texts(s, accounts.stream().map(a -> BANNED.equals(a.status()) ? BANNED : ACTIVE).toList()));
            s.setArray(4, c.createArrayOf("text", accounts.stream().map(a -> a.bannedUntil() == null ? null : a.bannedUntil().toString()).toArray()));
            s.setArray(5, c.createArrayOf("boolean", accounts.stream().map(Restored::trusted).toArray()));
            s.setArray(6, c.createArrayOf("boolean", accounts.stream().map(Restored::premoderated).toArray()));
            s.setArray(7, c.createArrayOf("text", accounts.stream().map(a -> a.createdAt() == null ? null : a.createdAt().toString()).toArray()));
        }, r -> ids.put(r.getString(2), r.getLong(1)));
        return ids;
    }

    /**
     * Accounts an import names (registered WordPress users, say) before their owners ever sign
     * in, subject to display name: created with that name if new, left as they are otherwise.
     * Their ids by subject, in one statement.
     */
    public static Map<String, Long> imported(Map<String, String> namesBySubject) {
        if (namesBySubject.isEmpty()) {
            return Map.of();
        }
        return restored(namesBySubject.entrySet().stream()
                .map(e -> new Restored(e.getKey(), e.getValue(), ACTIVE, null, false, false, null)).toList());
    }

    /** Creates the user on first sight and refreshes the display name; race-free under concurrent first requests. */
    static User upsert(String subject, String displayName) {
        return Jdbc.list("""
                insert into users (subject, display_name) values (?, ?)
                on conflict (subject) do update
                    set display_name = excluded.display_name, last_seen_at = now()
                returning %s""".formatted(COLUMNS), s -> {
            s.setString(1, subject);
            s.setString(2, displayName);
        }, User::detached).get(0);
    }

    public boolean isStaff() {
        return !staffGroups.isEmpty();
    }

    public boolean isAdmin() {
        return staffGroups.contains(Actor.ADMIN);
    }

    /** Admins other than {@code except} who are not banned now; their rows stay locked until commit. */
    public static long otherActiveAdmins(long except) {
        return ((Number) getEntityManager().createNativeQuery("""
                select count(*) from (select id from users
                    where 'admin' = any(staff_groups) and id <> :except and erase_requested_at is null
                      and not (status = 'banned' and (banned_until is null or banned_until > now()))
                    for update) a""").setParameter("except", except).getSingleResult()).longValue();
    }

    /** Detached copies, read without a session: for display (queues, notifications), never for changes. */
    public static Map<Long, User> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Jdbc.list("select " + COLUMNS + " from users where id = any(?)", s -> s.setArray(1, Jdbc.ids(s, ids)),
                User::detached).stream().collect(Collectors.toMap(u -> u.id, Function.identity()));
    }

    /** Account ids by subject; subjects not here are left out. */
    public static Map<String, Long> idsOfSubjects(Collection<String> subjects) {
        Map<String, Long> ids = new HashMap<>();
        if (!subjects.isEmpty()) {
            Jdbc.list("select subject, id from users where subject = any(?)", s -> s.setArray(1, Jdbc.texts(s, subjects)),
                    r -> ids.put(r.getString(1), r.getLong(2)));
        }
        return ids;
    }

    /** Display names by user id, read without loading the users. */
    public static Map<Long, String> namesOf(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            Jdbc.list("select id, display_name from users where id = any(?)",
                    s -> s.setArray(1, Jdbc.ids(s, ids)), r -> names.put(r.getLong(1), r.getString(2)));
        }
        return names;
    }

    /** The row locked until the transaction ends: moderators' changes to one account apply one after another. */
    public static Optional<User> byIdForUpdate(long id) {
        return findByIdOptional(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }

    public static Optional<User> byId(long id) {
        return findByIdOptional(id);
    }

    /** A ban until {@code until} (null: permanent); it bites on the user's next request. */
    public void ban(Instant until) {
        status = BANNED;
        bannedUntil = until;
        changed(id);
    }

    public void unban() {
        status = ACTIVE;
        bannedUntil = null;
        changed(id);
    }

    /** A moderator's settings; nulls leave a setting as it is. */
    public void configure(Boolean premoderated, Boolean trusted) {
        if (premoderated != null) {
            this.premoderated = premoderated;
        }
        if (trusted != null) {
            this.trusted = trusted;
        }
        changed(id);
    }

    /**
     * Holds the reader for their record unless already held; true when this call held them. One
     * statement, so two instances noticing the same record at once hold them once.
     */
    public static boolean hold(long userId, String reason, Map<String, Object> details) {
        boolean held = getEntityManager().createNativeQuery("""
                update users set held_reason = :reason, held_at = now(), held_details = cast(:details as jsonb)
                where id = :id and held_reason is null""")
                .setParameter("reason", reason).setParameter("details", io.vertx.core.json.Json.encode(details))
                .setParameter("id", userId).executeUpdate() == 1;
        if (held) {
            changed(userId);
        }
        return held;
    }

    /** Lifts this loaded user's history hold; the reason it had, or null when there was none. */
    public String releaseHold() {
        String was = heldReason;
        heldReason = null;
        heldAt = null;
        heldDetails = null;
        changed(id);
        return was;
    }

    /** Lifts a history hold; the reason it had, or null when there was none. */
    public static String release(long userId) {
        @SuppressWarnings("unchecked")
        List<String> was = getEntityManager().createNativeQuery("""
                update users u set held_reason = null, held_at = null, held_details = null
                from (select id, held_reason from users where id = :id for update) old
                where u.id = old.id and old.held_reason is not null
                returning old.held_reason""").setParameter("id", userId).getResultList();
        if (was.isEmpty()) {
            return null;
        }
        changed(userId);
        return was.get(0);
    }

    /** Freezes the account for erasure; the first request's time stays. Empty when the account is already gone. */
    public static Optional<Instant> requestErasure(long userId) {
        List<?> at = getEntityManager().createNativeQuery("""
                update users set erase_requested_at = coalesce(erase_requested_at, now()) where id = :u
                returning erase_requested_at""").setParameter("u", userId).getResultList();
        changed(userId);
        return at.isEmpty() ? Optional.empty() : Optional.of(com.hiwar.db.Rows.instant(at.get(0)));
    }

    /** Accounts waiting for erasure, longest waiting first. */
    public static List<Long> awaitingErasure() {
        return getEntityManager().createNativeQuery(
                "select id from users where erase_requested_at is not null order by erase_requested_at", Long.class)
                .getResultList();
    }

    /** An account under erasure: its login and whether a ban holds now. */
    public record Erasing(String subject, boolean banned) {}

    /** Locks an account awaiting erasure; empty when none waits or another instance holds it (skip locked). */
    public static Optional<Erasing> lockForErasure(long userId) {
        return Row.all(getEntityManager().createNativeQuery("""
                select subject, status = 'banned' and (banned_until is null or banned_until > now()) as banned
                from users where id = :u and erase_requested_at is not null for update skip locked""", Tuple.class)
                .setParameter("u", userId)).stream().findFirst().map(r -> new Erasing(r.text("subject"), r.flag("banned")));
    }

    /** The last step of an erasure: the row goes, unless a ban holds; then it stays, nameless, so erasure cannot lift a ban. */
    public static void erase(long userId, boolean keepBanned) {
        if (keepBanned) {
            getEntityManager().createNativeQuery("""
                    update users set display_name = null, trusted = false, erase_requested_at = null where id = :u""")
                    .setParameter("u", userId).executeUpdate();
        } else {
            getEntityManager().createNativeQuery("delete from users where id = :u").setParameter("u", userId).executeUpdate();
        }
        changed(userId);
    }
}
