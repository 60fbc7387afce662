package com.hiwar.moderation;

import com.hiwar.db.Jdbc;
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
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
    /** The model that scored this version, and its score, whether or not it fired: drift is measured on them. */
    @Column(name = "model_version")
    public Long modelVersion;
    @Column(name = "model_score")
    public Float modelScore;

    /**
     * The pipeline's decision on a comment, in one statement: it is on every POST's path, and the
     * entity's persist machinery (identity fetch, JSON and array binders) cost more than the insert.
     */
    static void recordAutomatic(long commentId, int version, Verdict verdict, Long modelVersion, double modelScore) {
        Automatic a = new Automatic(commentId, version, verdict, modelVersion, modelScore);
        Jdbc.update(AUTOMATIC, s -> bind(s, a));
    }

    /** The pipeline's decision on one version of a comment. */
    record Automatic(long commentId, int version, Verdict verdict, Long modelVersion, double modelScore) {}

    /** Many decisions (an import moderated again) in one round trip per batch. */
    static void recordAutomatic(List<Automatic> decisions) {
        if (!decisions.isEmpty()) {
            Jdbc.batch(AUTOMATIC, decisions, ModerationDecision::bind);
        }
    }

    private static final String AUTOMATIC = """
            insert into moderation_decisions
                (comment_id, version, decision, reasons, decided_by, created_at, model_version, model_score)
            values (?, ?, ?, cast(? as jsonb), 'auto', ?, ?, ?)""";

    /** The decision on a comment being inserted in the same statement ({@code written}: its id and version). */
    static Jdbc.Companion automaticWith(Verdict verdict, Long modelVersion, double modelScore) {
        return new Jdbc.Companion() {
            public String sql() {
                return AUTOMATIC_WITH;
            }

            public void bind(java.sql.PreparedStatement s, int first) throws java.sql.SQLException {
                bindVerdict(s, first, verdict, modelVersion, modelScore);
            }
        };
    }

    private static final String AUTOMATIC_WITH = """
            insert into moderation_decisions
                (comment_id, version, decision, reasons, decided_by, created_at, model_version, model_score)
            select id, version, ?, cast(? as jsonb), 'auto', ?, ?, ? from written""";

    private static void bind(java.sql.PreparedStatement s, Automatic a) throws java.sql.SQLException {
        s.setLong(1, a.commentId());
        s.setInt(2, a.version());
        bindVerdict(s, 3, a.verdict(), a.modelVersion(), a.modelScore());
    }

    private static void bindVerdict(java.sql.PreparedStatement s, int first, Verdict verdict, Long modelVersion, double modelScore)
            throws java.sql.SQLException {
        s.setString(first, verdict.decision().name().toLowerCase(Locale.ROOT));
        s.setString(first + 1, Json.encode(verdict.reasons()));
        s.setObject(first + 2, Instant.now().atOffset(ZoneOffset.UTC));
        s.setObject(first + 3, modelVersion, Types.BIGINT);
        s.setObject(first + 4, Double.isNaN(modelScore) ? null : (float) modelScore, Types.REAL);
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

    /**
     * Reject reasons that mean "offensive" to the model. Spam, off-topic, personal data and other
     * are kept as decisions but teach the model nothing: they are not about offensive language.
     */
    public static final Set<String> OFFENSIVE_REASONS = Set.of("abuse", "hate", "harassment");

    /** A moderator's approve or reject, as a label: null when the reject reason is not about offence. */
    static Boolean offensive(String decision, String reason) {
        if (decision.equals("approve")) {
            return false;
        }
        return decision.equals("reject") && OFFENSIVE_REASONS.contains(reason) ? true : null;
    }

    /** A moderator's latest approve or reject of a comment, on the version it left the comment at. */
    public record Label(long commentId, int version, String decision, String reason, Instant decidedAt) {}

    /** Each comment's latest moderator approve or reject since the instant, oldest first, at most {@code limit}. */
    static List<Label> moderatorLabels(Instant since, int limit) {
        return Row.all(getEntityManager().createNativeQuery("""
                select * from (
                    select distinct on (comment_id) comment_id, version, decision, reasons -> 0 ->> 'code' as reason, created_at
                    from moderation_decisions
                    where decided_by <> 'auto' and decision in ('approve', 'reject') and created_at >= :since
                    order by comment_id, id desc) latest
                order by created_at desc limit :n""", Tuple.class)
                .setParameter("since", since).setParameter("n", limit))
                .stream().map(r -> new Label(r.number("comment_id"), r.integer("version"), r.text("decision"),
                        r.text("reason"), r.instant("created_at")))
                .sorted(java.util.Comparator.comparing(Label::decidedAt)).toList();
    }

    /** A moderator's decision with the score the model gave the version the moderator saw. */
    record Scored(String decision, String reason, double score) {}

    /** Moderators' approvals and rejections since the instant, each with the model's score of what they decided on. */
    static List<Scored> scoredDecisions(Instant since) {
        return Row.all(getEntityManager().createNativeQuery("""
                select m.decision, m.reasons -> 0 ->> 'code' as reason, a.model_score
                from moderation_decisions m
                join lateral (select model_score from moderation_decisions a
                              where a.comment_id = m.comment_id and a.decided_by = 'auto' and a.id < m.id
                              order by a.id desc limit 1) a on a.model_score is not null
                where m.decided_by <> 'auto' and m.decision in ('approve', 'reject') and m.created_at >= :since""",
                Tuple.class).setParameter("since", since))
                .stream().map(r -> new Scored(r.text("decision"), r.text("reason"), ((Number) r.get("model_score")).doubleValue()))
                .toList();
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

    /** Every decision, automatic or a moderator's, as one JSON line of the site's export (streamed; in a transaction). */
    /** A decision as a Hiwar export has it: the comment by its export key. */
    public record Restored(String commentKey, int version, String decision, String reasonsJson, String decidedBy, Instant createdAt,
                           Long modelVersion, Float modelScore) {}

    /**
     * The decisions of a restore, kept with the comments they decided (the moderators' history,
     * the model's drift figures). One already here (same comment, version and time) is left as
     * it is; one of a comment not here is dropped. How many were new.
     */
    public static int restored(List<Restored> decisions, Map<String, Long> commentIds) {
        List<Restored> known = decisions.stream().filter(d -> commentIds.containsKey(d.commentKey())).toList();
        if (known.isEmpty()) {
            return 0;
        }
        return Jdbc.update("""
                insert into moderation_decisions (comment_id, version, decision, reasons, decided_by, created_at, model_version, model_score)
                select r.comment_id, r.version, r.decision, r.reasons::jsonb, r.decided_by, r.created_at, r.model_version, r.model_score
                from unnest(?::bigint[], ?::int[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::bigint[], ?::real[])
                     as r(comment_id, version, decision, reasons, decided_by, created_at, model_version, model_score)
                where not exists (select 1 from moderation_decisions x where x.comment_id = r.comment_id and x.version = r.version
                                  and x.created_at = r.created_at)""", s -> {
            java.sql.Connection c = s.getConnection();
            s.setArray(1, Jdbc.ids(s, known.stream().map(d -> commentIds.get(d.commentKey())).toList()));
            s.setArray(2, c.createArrayOf("integer", known.stream().map(Restored::version).toArray()));
            s.setArray(3, c.createArrayOf("text", known.stream().map(Restored::decision).toArray()));
            s.setArray(4, c.createArrayOf("text", known.stream().map(Restored::reasonsJson).toArray()));
            s.setArray(5, c.createArrayOf("text", known.stream().map(Restored::decidedBy).toArray()));
            s.setArray(6, c.createArrayOf("timestamptz", known.stream().map(d -> java.sql.Timestamp.from(d.createdAt())).toArray()));
            s.setArray(7, c.createArrayOf("bigint", known.stream().map(Restored::modelVersion).toArray()));
            s.setArray(8, c.createArrayOf("real", known.stream().map(Restored::modelScore).toArray()));
        });
    }

    public static long exportLines(java.util.function.Consumer<String> line) {
        return com.hiwar.db.Jdbc.lines("""
                select json_build_object('type', 'decision', 'commentId', comment_id, 'version', version, 'decision', decision,
                       'reasons', reasons, 'decidedBy', decided_by, 'createdAt', created_at, 'modelVersion', model_version,
                       'modelScore', model_score)::text
                from moderation_decisions order by id""", line);
    }
}
