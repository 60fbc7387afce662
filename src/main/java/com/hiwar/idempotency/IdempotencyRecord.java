package com.hiwar.idempotency;

import com.hiwar.db.Jdbc;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;

/** The first response to a write made under an Idempotency-Key. */
@Entity
@Table(name = "idempotency_keys")
@IdClass(IdempotencyRecord.Id.class)
public class IdempotencyRecord extends PanacheEntityBase {

    public record Id(String owner, String key) implements Serializable {
        public Id() {
            this(null, null);
        }
    }

    @jakarta.persistence.Id
    public String owner;
    @jakarta.persistence.Id
    public String key;
    public String fingerprint;
    public int status;
    public String location;
    public String body;
    @Column(name = "created_at")
    public Instant createdAt;

    /** What a look at a key found: whether it was free, and its live record if there is one. */
    record Look(boolean free, Stored stored) {}

    /** A live record: the first answer under a key. */
    record Stored(String fingerprint, int status, String location, String body) {}

    /**
     * One statement: claims the key's lock without waiting (false while another transaction
     * holds it) and reads its record if it was written after {@code liveAfter}. Inside a
     * transaction the lock is held until it ends, after its record is visible; outside one
     * the statement is its own transaction, so it only asks whether a twin is running now.
     */
    static Look look(String owner, String key, Instant liveAfter) {
        return Jdbc.list("""
                select pg_try_advisory_xact_lock(hashtextextended(?, 0)) as free,
                       k.fingerprint, k.status, k.location, k.body
                from (select 1) one
                left join idempotency_keys k on k.owner = ? and k.key = ? and k.created_at > ?""", s -> {
            s.setString(1, owner.length() + ":" + owner + key);
            s.setString(2, owner);
            s.setString(3, key);
            s.setObject(4, liveAfter.atOffset(ZoneOffset.UTC));
        }, r -> new Look(r.getBoolean("free"), r.getString("fingerprint") == null ? null
                : new Stored(r.getString("fingerprint"), r.getInt("status"), r.getString("location"), r.getString("body"))))
                .get(0);
    }

    /**
     * Keeps the first answer, in place of an expired record under the key if there is one.
     * False when a live record is there: a twin that committed just as {@link #look}'s snapshot
     * was taken (its lock was free by the time the look asked for it). The caller rolls back.
     */
    static boolean keep(String owner, String key, Stored answer, Instant at, Instant liveAfter) {
        return Jdbc.update("""
                insert into idempotency_keys (owner, key, fingerprint, status, location, body, created_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (owner, key) do update set fingerprint = excluded.fingerprint, status = excluded.status,
                    location = excluded.location, body = excluded.body, created_at = excluded.created_at
                where idempotency_keys.created_at <= ?""", s -> {
            s.setString(1, owner);
            s.setString(2, key);
            s.setString(3, answer.fingerprint());
            s.setInt(4, answer.status());
            s.setString(5, answer.location());
            s.setString(6, answer.body());
            s.setObject(7, at.atOffset(ZoneOffset.UTC));
            s.setObject(8, liveAfter.atOffset(ZoneOffset.UTC));
        }) == 1;
    }

    static long purgeOlderThan(Instant cutoff) {
        return delete("createdAt < ?1", cutoff);
    }
}
