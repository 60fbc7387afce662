package com.hiwar.idempotency;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

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

    static Optional<IdempotencyRecord> find(String owner, String key) {
        return findByIdOptional(new Id(owner, key));
    }

    /**
     * Claims the key for this transaction without waiting: false while another transaction
     * holds it. The lock ends with the transaction, after its record is visible.
     */
    static boolean tryLock(String owner, String key) {
        return (Boolean) getEntityManager()
                .createNativeQuery("select pg_try_advisory_xact_lock(hashtextextended(:k, 0))")
                .setParameter("k", owner.length() + ":" + owner + key)
                .getSingleResult();
    }

    /** An expired record under this key makes room for the new one. */
    static void deleteExpired(String owner, String key, Instant cutoff) {
        find(owner, key).filter(r -> !r.createdAt.isAfter(cutoff)).ifPresent(r -> {
            r.delete();
            getEntityManager().flush();
        });
    }

    static long purgeOlderThan(Instant cutoff) {
        return delete("createdAt < ?1", cutoff);
    }
}
