package com.hiwar.moderation;

import com.hiwar.db.Row;
import com.hiwar.moderation.rules.Reason;
import com.hiwar.moderation.rules.Verdict;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.vertx.core.json.Json;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /** A moderator's decision, made on the version it left the comment at. */
    public static void byModerator(long commentId, int version, String action, String reason, String moderator) {
        ModerationDecision d = new ModerationDecision();
        d.commentId = commentId;
        d.version = version;
        d.decision = action;
        d.reasons = List.of(Reason.of("moderator", reason == null ? action : reason, "Decided by " + moderator));
        d.decidedBy = moderator;
        d.createdAt = Instant.now();
        d.persist();
    }

    /** The reasons of each comment's latest decision, for the dashboard; comments without one are absent. */
    public static Map<Long, List<Reason>> latestReasons(Collection<Long> commentIds) {
        Map<Long, List<Reason>> byComment = new HashMap<>();
        if (!commentIds.isEmpty()) {
            Row.all(getEntityManager().createNativeQuery("""
                    select distinct on (comment_id) comment_id, reasons::text as reasons from moderation_decisions
                    where comment_id in (:ids) order by comment_id, id desc""", Tuple.class)
                    .setParameter("ids", commentIds))
                    .forEach(r -> byComment.put(r.number("comment_id"),
                            List.of(Json.decodeValue(r.text("reasons"), Reason[].class))));
        }
        return byComment;
    }

    /** Erasure: the rules' reasons keep only rule and code, never the matched words (they are the author's). */
    public static void stripMatchedTerms(Collection<Long> commentIds) {
        getEntityManager().createNativeQuery("""
                update moderation_decisions set reasons = coalesce((
                    select jsonb_agg(jsonb_build_object('rule', r -> 'rule', 'code', r -> 'code'))
                    from jsonb_array_elements(reasons) r), '[]')
                where comment_id in (:ids)""").setParameter("ids", commentIds).executeUpdate();
    }

    /** Erasure: decisions a moderator made name a pseudonym instead of their login. */
    public static void pseudonymize(String subject, String pseudonym) {
        getEntityManager().createNativeQuery("update moderation_decisions set decided_by = :p where decided_by = :s")
                .setParameter("p", pseudonym).setParameter("s", subject).executeUpdate();
    }
}
