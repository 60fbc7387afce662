package com.hiwar.moderation.rules;

import com.hiwar.moderation.model.ActiveModel;
import com.hiwar.moderation.model.Figures;
import com.hiwar.moderation.model.OffensiveModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The learned model as one more rule: at or above {@code rejectAt} the comment is rejected, at or
 * above {@code holdAt} it waits for a moderator. Trusted readers and moderators are still scored,
 * but the model only ever holds their comments. Every evaluation leaves its score on the
 * submission, so decisions record it even when the comment is published (for drift figures).
 */
public final class ModelRule extends ModerationRule.Named {

    public static final String NAME = "model";
    static final int SPANS = 3;

    public record Thresholds(double rejectAt, double holdAt) {
        public Thresholds {
            if (!(holdAt > 0 && holdAt <= rejectAt && rejectAt <= 1)) {
                throw new IllegalArgumentException("need 0 < hold-at <= reject-at <= 1, got " + holdAt + " and " + rejectAt);
            }
        }
    }

    private final Supplier<ActiveModel> model;
    private final Thresholds thresholds;

    public ModelRule(Supplier<ActiveModel> model, Thresholds thresholds) {
        super(NAME, false); // not skipped for trusted authors: it holds them instead of rejecting
        this.model = model;
        this.thresholds = thresholds;
    }

    @Override
    public Verdict evaluate(Submission submission) {
        ActiveModel active = model.get();
        if (active == null) {
            return Verdict.PUBLISH;
        }
        OffensiveModel.Scored scored = active.model().scored(submission.text());
        double score = scored.score();
        submission.scored(active.version(), score);
        Thresholds t = thresholds;
        if (score < t.holdAt()) {
            return Verdict.PUBLISH;
        }
        boolean exempt = submission.author().trusted() || submission.author().moderator();
        Decision decision = score >= t.rejectAt() && !exempt ? Decision.REJECT : Decision.PENDING;
        String message = "Model v" + active.version() + " scored " + two(score) + " (hold at " + two(t.holdAt())
                + ", reject at " + two(t.rejectAt()) + ")"
                + (exempt && score >= t.rejectAt() ? "; held, not rejected: trusted author" : "");
        List<Reason> reasons = new ArrayList<>();
        for (OffensiveModel.Span span : scored.explain(SPANS)) {
            reasons.add(new Reason(NAME, "offensive", message, span.text(), span.start(), span.end(), Figures.round(score),
                    active.version()));
        }
        if (reasons.isEmpty()) {
            reasons.add(new Reason(NAME, "offensive", message, null, null, null, Figures.round(score), active.version()));
        }
        return Verdict.of(decision, reasons);
    }

    /** A score with two decimals; String.format would cost more than the rest of the reason. */
    static String two(double v) {
        long hundredths = Math.round(v * 100);
        long fraction = hundredths % 100;
        return hundredths / 100 + (fraction < 10 ? ".0" : ".") + fraction;
    }
}
