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
 * Each form is built the first time it is asked for: most rules read the tokens alone.
 */
public final class MatchText {

    private final String original;
    private final List<Token> tokens;
    // Built on first use; a race builds the same value twice, never a wrong one.
    private Form full, stripped, skeleton;

    MatchText(String original, List<Token> tokens) {
        this.original = original;
        this.tokens = tokens;
    }

    public String original() {
        return original;
    }

    public List<Token> tokens() {
        return tokens;
    }

    public Form full() {
        Form f = full;
        return f != null ? f : (full = Form.of(tokens, Token::full));
    }

    public Form stripped() {
        Form f = stripped;
        return f != null ? f : (stripped = Form.of(tokens, Token::stripped));
    }

    public Form skeleton() {
        Form f = skeleton;
        return f != null ? f : (skeleton = Form.of(tokens, Token::skeleton));
    }

    /**
     * A normalized token and its span [start, end) in the original text, in UTF-16 units;
     * {@code arabizi} when it is Latin letters with a digit standing for a letter (7mar).
     */
    public record Token(String full, String stripped, String skeleton, boolean arabizi, int start, int end) {}

    /** One form: its text and where each token starts in it. */
    public record Form(String text, int[] starts) {

        /** The tokens' parts with single spaces between, in one array of the exact size. */
        static Form of(List<Token> tokens, java.util.function.Function<Token, String> part) {
            int n = tokens.size(), length = Math.max(0, n - 1);
            for (Token t : tokens) {
                length += part.apply(t).length();
            }
            char[] text = new char[length];
            int[] starts = new int[n];
            int at = 0;
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    text[at++] = ' ';
                }
                starts[i] = at;
                String p = part.apply(tokens.get(i));
                p.getChars(0, p.length(), text, at);
                at += p.length();
            }
            return new Form(new String(text), starts);
        }

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
