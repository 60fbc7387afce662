package com.hiwar.moderation.rules;

import java.util.List;

/** One rule's verdict, or the pipeline's: a decision and the reasons behind it. */
public record Verdict(Decision decision, List<Reason> reasons) {

    public static final Verdict PUBLISH = new Verdict(Decision.PUBLISH, List.of());

    static Verdict of(Decision decision, List<Reason> reasons) {
        return reasons.isEmpty() ? PUBLISH : new Verdict(decision, List.copyOf(reasons));
    }

    static Verdict of(Decision decision, Reason reason) {
        return new Verdict(decision, List.of(reason));
    }
}
