package com.hiwar.moderation;

import com.hiwar.moderation.rules.Reason;
import com.hiwar.moderation.rules.Verdict;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A decision on one version of a comment, with the reasons moderators will see highlighted. */
@Entity
@Table(name = "moderation_decisions")
public class ModerationDecision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "comment_id")
    public long commentId;
    public int version;
    public String decision;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Reason> reasons;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "created_at")
    public Instant createdAt;

    static ModerationDecision automatic(long commentId, int version, Verdict verdict) {
        ModerationDecision d = new ModerationDecision();
        d.commentId = commentId;
        d.version = version;
        d.decision = verdict.decision().name().toLowerCase(Locale.ROOT);
        d.reasons = verdict.reasons();
        d.decidedBy = "auto";
        d.createdAt = Instant.now();
        return d;
    }

    public static List<ModerationDecision> forComment(long commentId) {
        return list("commentId = ?1 order by id desc", commentId);
    }
}
