package com.hiwar.moderation.surge;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A moderator's word on one article: a pinned step, and thresholds of its own. Durable, unlike the rates. */
@Entity
@Table(name = "surge_settings")
class SurgeSetting extends PanacheEntityBase {

    @Id
    @Column(name = "article_id")
    public String articleId;
    /** normal, slow, held or closed; null: the autopilot decides. */
    @Column(name = "pinned_step")
    public String pinnedStep;
    /** Per step ("slow", "held", "closed"), the figures that differ from the site's defaults. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Map<String, Number>> thresholds;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
