package com.hiwar.moderation.rules;

/**
 * Why a rule fired: the rule, a stable code, a message for moderators, and where applicable
 * the matched term and its span [start, end) in the original text, in UTF-16 units, so the
 * dashboard can highlight exactly what fired. The model's reasons also carry its score and the
 * version that gave it.
 */
public record Reason(String rule, String code, String message, String term, Integer start, Integer end,
        Double score, Long modelVersion) {

    public Reason(String rule, String code, String message, String term, Integer start, Integer end) {
        this(rule, code, message, term, start, end, null, null);
    }

    public static Reason of(String rule, String code, String message) {
        return new Reason(rule, code, message, null, null, null);
    }
}
