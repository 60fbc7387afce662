package com.hiwar.moderation;

import com.hiwar.comment.CommentStore;
import com.hiwar.moderation.model.Figures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What moderators' decisions tell the model: each approve or reject (for abuse, hate or harassment)
 * is a training row, and the scores the model gave the comments moderators then decided show how
 * often it agreed with them.
 */
@ApplicationScoped
public class ModelFeedback {

    @Inject
    CommentStore comments;

    @Inject
    ModerationConfig config;

    /** A decided comment as a training row: its text at the decided version, and the moderator's label. */
    public record LabelledComment(long commentId, String body, boolean offensive, Instant decidedAt) {}

    /**
     * Moderators' labels since the instant, oldest first (at most {@code limit}, the newest kept):
     * comments edited or erased since their decision are left out, and so are rejections for spam,
     * off-topic and the like.
     */
    @Transactional
    public List<LabelledComment> labelsSince(Instant since, int limit) {
        List<ModerationDecision.Label> labels = ModerationDecision.moderatorLabels(since, limit);
        Map<Long, Integer> versions = new HashMap<>();
        labels.forEach(l -> versions.put(l.commentId(), l.version()));
        Map<Long, String> bodies = comments.bodiesAt(versions);
        List<LabelledComment> rows = new ArrayList<>();
        for (ModerationDecision.Label l : labels) {
            Boolean offensive = ModerationDecision.offensive(l.decision(), l.reason());
            String body = bodies.get(l.commentId());
            if (offensive != null && body != null) {
                rows.add(new LabelledComment(l.commentId(), body, offensive, l.decidedAt()));
            }
        }
        return rows;
    }

    /** How a threshold fared against moderators: of the comments it flagged, the share they rejected, and the reverse. */
    public record Rate(double threshold, long flagged, Double precision, Double recall) {}

    /**
     * The model against moderators over the last days: {@code decisions} approvals and offensive
     * rejections of comments the model had scored; holds and rejects at today's thresholds.
     */
    public record Agreement(int days, long decisions, long offensive, Rate holds, Rate rejects) {}

    @Transactional
    public Agreement agreement(int days) {
        List<Double> pos = new ArrayList<>(), neg = new ArrayList<>();
        for (ModerationDecision.Scored d : ModerationDecision.scoredDecisions(Instant.now().minus(Duration.ofDays(days)))) {
            Boolean offensive = ModerationDecision.offensive(d.decision(), d.reason());
            if (offensive != null) {
                (offensive ? pos : neg).add(d.score());
            }
        }
        Figures f = Figures.ofScores(pos.stream().mapToDouble(Double::doubleValue).toArray(),
                neg.stream().mapToDouble(Double::doubleValue).toArray());
        return new Agreement(days, f.rows(), f.offensiveRows(), rate(f, config.model().holdAt()),
                rate(f, config.model().rejectAt()));
    }

    private static Rate rate(Figures f, double threshold) {
        long flagged = f.truePositives(threshold) + f.falsePositives(threshold);
        return new Rate(threshold, flagged, flagged == 0 ? null : Figures.round(f.precision(threshold)),
                f.offensiveRows() == 0 ? null : Figures.round(f.recall(threshold)));
    }
}
