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

    private PromotionGate() {}

    /** {@code null} figures: that slice does not exist for this job. */
    public static Outcome decide(Figures fixedNew, Figures fixedActive, Figures recentNew, Figures recentActive,
                                 boolean force) {
        StringBuilder why = new StringBuilder();
        int better = 0, compared = 0;
        boolean worse = false;
        for (String name : new String[] {"fixed split", "recent decisions"}) {
            Figures n = name.equals("fixed split") ? fixedNew : recentNew;
            Figures a = name.equals("fixed split") ? fixedActive : recentActive;
            if (n == null || a == null || n.offensiveRows() == 0 || n.offensiveRows() == n.rows()) {
                why.append(name).append(": nothing to compare; ");
                continue;
            }
            compared++;
            double fn = n.macroF1(0.5), fa = a.macroF1(0.5);
            why.append(String.format(Locale.ROOT, "%s: macro-F1 %.4f against the active %.4f (%d rows); ", name, fn, fa, n.rows()));
            if (fn > fa) {
                better++;
            } else if (fn < fa) {
                worse = true;
            }
        }
        boolean promoted = compared > 0 && better > 0 && !worse;
        String verdict = promoted ? "better: promoted" : force ? "not better, promoted because forced" : "not better: kept inactive";
        return new Outcome(promoted || force, why + verdict);
    }
}
