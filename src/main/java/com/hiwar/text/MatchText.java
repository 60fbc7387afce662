package com.hiwar.text;

import java.util.List;

/**
 * A comment as the moderation matchers see it: normalized tokens, each pointing back to its
 * span in the original text. It offers three parallel forms, each a string of the tokens with
 * single spaces between them, for a whole-word automaton to run over:
 * <ul>
 *   <li>{@code full}: every token normalized;</li>
 *   <li>{@code stripped}: the same with a leading clitic removed (و ف ب ل ك ال وال بال فال كال لل);</li>
 *   <li>{@code skeleton}: Arabizi tokens (Latin letters with digits for letters) transliterated
 *       to an Arabic consonant skeleton; other tokens become a placeholder that matches nothing.</li>
 * </ul>
 * The forms hold the same tokens in the same order, so a match maps back the same way in each.
 */
public record MatchText(String original, List<Token> tokens, Form full, Form stripped, Form skeleton) {

    /**
     * A normalized token and its span [start, end) in the original text, in UTF-16 units;
     * {@code arabizi} when it is Latin letters with a digit standing for a letter (7mar).
     */
    public record Token(String full, String stripped, String skeleton, boolean arabizi, int start, int end) {}

    /** One form: its text and where each token starts in it. */
    public record Form(String text, int[] starts) {

        /** The index of the token at a position of this form's text. */
        public int tokenAt(int position) {
            int lo = 0, hi = starts.length - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (starts[mid] <= position) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return lo;
        }
    }

    /** The original text's span covering tokens {@code first..last}. */
    public int startOf(int first) {
        return tokens.get(first).start();
    }

    public int endOf(int last) {
        return tokens.get(last).end();
    }
}
