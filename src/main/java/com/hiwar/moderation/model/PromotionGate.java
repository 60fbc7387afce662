package com.hiwar.moderation.model;

import java.util.Locale;

/**
 * Whether a newly trained version may replace the active one: it must do at least as well on the
 * fixed evaluation split and on the held-back slice of recent moderator decisions, and better on
 * at least one of them (macro-F1). A slice with no rows, or with only one class, cannot be
 * compared and is left out; with nothing left to compare, the version is refused. An admin may
 * force it anyway.
 */
public final class PromotionGate {

    public record Outcome(boolean promoted, String reason) {}

    private static final int NOTHING = Integer.MIN_VALUE;

    private PromotionGate() {}

    /** 1 better, 0 equal, -1 worse, NOTHING when the slice is missing or holds one class only. */
    private static int compare(String name, Figures candidate, Figures active, StringBuilder why) {
        if (candidate == null || active == null || candidate.offensiveRows() == 0
                || candidate.offensiveRows() == candidate.rows()) {
            why.append(name).append(": nothing to compare; ");
            return NOTHING;
        }
        double fn = candidate.macroF1(0.5), fa = active.macroF1(0.5);
        why.append(String.format(Locale.ROOT, "%s: macro-F1 %.4f against the active %.4f (%d rows); ", name, fn, fa,
                candidate.rows()));
        return fn > fa ? 1 : fn < fa ? -1 : 0;
    }

    /** {@code null} figures: that slice does not exist for this job. */
    public static Outcome decide(Figures fixedNew, Figures fixedActive, Figures recentNew, Figures recentActive,
                                 boolean force) {
        StringBuilder why = new StringBuilder();
        int fixed = compare("fixed split", fixedNew, fixedActive, why);
        int recent = compare("recent decisions", recentNew, recentActive, why);
        // Better on one slice and worse on none; a slice with nothing to compare neither helps nor hurts.
        boolean promoted = (fixed == 1 || recent == 1) && fixed != -1 && recent != -1;
        String verdict = promoted ? "better: promoted" : force ? "not better, promoted because forced" : "not better: kept inactive";
        return new Outcome(promoted || force, why + verdict);
    }
}
