package com.hiwar.moderation.learning;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One model version: its bytes, the figures it was judged by, and whether it is the active one. */
@Entity
@Table(name = "model_versions")
public class ModelVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long version;
    public String origin;
    public String sha256;
    // Lazy: listing versions must not read a megabyte per row.
    @Basic(fetch = FetchType.LAZY)
    public byte[] model;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> figures;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
    public boolean active;
    @Column(name = "activated_at")
    public Instant activatedAt;
    @Column(name = "activated_by")
    public String activatedBy;

    static Optional<ModelVersion> active() {
        return find("active", true).firstResultOptional();
    }

    static List<ModelVersion> newestFirst() {
        return list("order by version desc");
    }

    static Optional<ModelVersion> shipped(String sha256) {
        return find("origin = 'shipped' and sha256 = ?1", sha256).firstResultOptional();
    }

    /**
     * Makes this version the only active one; the partial unique index allows no second. The others
     * are switched off first (and flushed), then this managed entity is switched on, so the flush
     * at commit cannot write a stale copy back.
     */
    void activate(String by) {
        update("active = false where active = true and version <> ?1", version);
        flush();
        active = true;
        activatedAt = Instant.now();
        activatedBy = by;
    }

    /** A version's bytes alone: loading a model manages no entity, so nothing can be written back. */
    static byte[] bytesOf(long version) {
        return getEntityManager().createQuery("select v.model from ModelVersion v where v.version = ?1", byte[].class)
                .setParameter(1, version).getSingleResult();
    }

    /** The active version's number, read without its bytes: the 30 s check costs one small query. */
    static Optional<Long> activeNumber() {
        return getEntityManager().createQuery("select v.version from ModelVersion v where v.active = true", Long.class)
                .getResultStream().findFirst();
    }
}
