package com.hiwar.moderation.site;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One site-wide setting; its version rises with every change, so a stale edit can be refused. */
@Entity
@Table(name = "site_settings")
class SiteSetting extends PanacheEntityBase {

    static final String MODERATION = "moderation";

    @Id
    public String key;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> value;
    public long version;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
