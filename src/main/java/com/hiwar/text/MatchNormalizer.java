package com.hiwar.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.ar.ArabicNormalizer;
import org.apache.lucene.analysis.fa.PersianNormalizer;

/**
 * Folds text for matching word lists, never for storage. See package-info for the table of
 * rules and which library covers each. Per-character rules are precomputed into a table for
 * the whole BMP at class load (ICU and Lucene do the work once), so normalizing is one lookup
 * per character; characters outside the BMP (mathematical alphanumerics, emoji) go through
 * ICU on the fly.
 */
public final class MatchNormalizer {

    /** Table markers: the character vanishes (marks, tatweel, format) or separates tokens. */
    private static final char DROP = '\uFFFF';
    private static final char SEPARATOR = '\uFFFE';
    /** Index into MULTI for characters that fold to several (ligatures like ﻻ, ﷲ). */
    private static final char MULTI_BASE = '\uE000';

    private static final char[] TABLE = new char[0x10000];
    private static final List<String> MULTI = new ArrayList<>();

    private static final Normalizer2 NFKC_CF = Normalizer2.getNFKCCasefoldInstance();
    private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();
    private static final ArabicNormalizer ARABIC = new ArabicNormalizer();
    private static final PersianNormalizer PERSIAN = new PersianNormalizer();


    static {
        for (int c = 0; c < 0x10000; c++) {
            TABLE[c] = SEPARATOR;
        }
        for (int c = 0; c < 0x10000; c++) {
            if (c >= 0xD800 && c <= 0xDFFF) {
                continue; // surrogates: handled as pairs
            }
            String folded = foldCodePoint(c);
            if (folded == null) {
                TABLE[c] = SEPARATOR;
            } else if (folded.isEmpty()) {
                TABLE[c] = DROP;
            } else if (folded.length() == 1) {
                TABLE[c] = folded.charAt(0);
            } else {
                TABLE[c] = (char) (MULTI_BASE + MULTI.size());
                MULTI.add(folded);
            }
        }
    }

    private MatchNormalizer() {}

    /**
     * One code point folded for matching: the letters and digits it stands for, "" if it
     * vanishes inside a word, null if it separates words.
     */
    static String foldCodePoint(int cp) {
        int type = UCharacter.getType(cp);
        if (type == UCharacter.NON_SPACING_MARK || type == UCharacter.ENCLOSING_MARK
                || type == UCharacter.FORMAT || cp == ArabicNormalizer.TATWEEL
                || UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)) {
            return ""; // tashkeel, Quranic marks, tatweel, zero-width and bidi controls
        }
        if (UCharacter.isDigit(cp)) {
            return Integer.toString(UCharacter.digit(cp, 10)); // Arabic-Indic, Persian, any script
        }
        String nfkc = NFKC_CF.normalize(new String(Character.toChars(cp)));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < nfkc.length(); ) {
            int c = nfkc.codePointAt(i);
            i += Character.charCount(c);
            int t = UCharacter.getType(c);
            if (t == UCharacter.NON_SPACING_MARK || t == UCharacter.FORMAT) {
                continue;
            }
            if (UCharacter.isDigit(c)) {
                out.append(UCharacter.digit(c, 10));
            } else if (UCharacter.isLetter(c)) {
                out.append(foldLetter(c));
            }
        }
        if (out.isEmpty()) {
            return nfkc.isEmpty() ? "" : null;
        }
        return out.toString();
    }

    private static String foldLetter(int c) {
        int script = UScript.getScript(c);
        if (script == UScript.ARABIC) {
            return foldArabic((char) c);
        }
        if (script == UScript.CYRILLIC || script == UScript.GREEK || script == UScript.ARMENIAN
                || script == UScript.CHEROKEE) {
            String skeleton = SPOOF.getSkeleton(new String(Character.toChars(c))).toLowerCase();
            if (skeleton.chars().allMatch(ch -> ch >= 'a' && ch <= 'z')) {
                return skeleton; // lookalike of a Latin letter: а (Cyrillic) -> a
            }
        }
        return new String(Character.toChars(c));
    }

    /** Lucene's Arabic and Persian normalizers, then what neither covers. */
    private static String foldArabic(char c) {
        char[] buf = {c};
        int len = ARABIC.normalize(buf, 1);
        if (len == 1) {
            len = PERSIAN.normalize(buf, len);
        }
        if (len == 0) {
            return "";
        }
        return switch (buf[0]) {
            case '\u0671' -> "\u0627";            // ٱ alef wasla
            case '\u0672', '\u0673', '\u0675' -> "\u0627"; // alef with wavy hamza forms
            case '\u0624' -> "\u0648";            // ؤ -> و
            case '\u0626' -> "\u064A";            // ئ -> ي
            case '\u0621' -> "";                  // ء: spelled or not, in practice
            case '\u06BE', '\u06D5' -> "\u0647";  // ھ ە -> ه
            case '\u06AA' -> "\u0643";            // ڪ -> ك
            case '\u06D0', '\u0649' -> "\u064A";  // ې ى -> ي
            case '\u06CC' -> "\u064A";
            default -> String.valueOf(buf[0]);
        };
    }

    /** Normalizes a whole comment. */
    public static MatchText normalize(String text) {
        List<Word> words = new ArrayList<>();
        // The word being read, in a plain array: appending a char is a store, not a builder call.
        char[] word = new char[32];
        int length = 0;
        int wordStart = -1, wordEnd = -1;
        int n = text.length();
        for (int i = 0; i < n; ) {
            char ch = text.charAt(i);
            int next = i + 1;
            char m;
            String multi = null;
            if (Character.isSurrogate(ch)) {
                int cp = text.codePointAt(i);
                next = i + Character.charCount(cp);
                multi = foldCodePoint(cp);
                m = multi == null ? SEPARATOR : multi.isEmpty() ? DROP : 0;
            } else {
                m = TABLE[ch];
                if (m >= MULTI_BASE && m < MULTI_BASE + MULTI.size()) {
                    multi = MULTI.get(m - MULTI_BASE);
                    m = 0;
                }
            }
            if (m == SEPARATOR) {
                if (length > 0) {
                    words.add(new Word(new String(word, 0, length), wordStart, wordEnd));
                    length = 0;
                }
            } else if (m == DROP) {
                if (length > 0) {
                    wordEnd = next; // marks and tatweel after a letter belong to its word
                }
            } else {
                if (length == 0) {
                    wordStart = i;
                }
                int adding = multi != null ? multi.length() : 1;
                if (length + adding > word.length) {
                    word = java.util.Arrays.copyOf(word, Math.max(word.length * 2, length + adding));
                }
                if (multi != null) {
                    multi.getChars(0, adding, word, length);
                } else {
                    word[length] = m;
                }
                length += adding;
                wordEnd = next;
            }
            i = next;
        }
        if (length > 0) {
            words.add(new Word(new String(word, 0, length), wordStart, wordEnd));
        }
        return build(text, joinSpelledOut(words));
    }

    /** A word of the text and where it stands in the original (start inclusive, end exclusive). */
    private record Word(String text, int start, int end) {}

    /** Letters spelled out one at a time (ح م ا ر, ح.م.ا.ر, f*u*c*k) become one word again. */
    private static List<Word> joinSpelledOut(List<Word> words) {
        boolean any = false;
        for (int i = 1; i < words.size() && !any; i++) {
            any = isSingleLetter(words.get(i - 1).text()) && isSingleLetter(words.get(i).text());
        }
        if (!any) {
            return words; // the usual case: nothing spelled out
        }
        List<Word> out = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            int j = i;
            while (j < words.size() && isSingleLetter(words.get(j).text())) {
                j++;
            }
            // Two or more single letters in a row are one word spelled out (ك س, ح.م.ا.ر).
            if (j - i >= 2) {
                StringBuilder joined = new StringBuilder();
                for (int k = i; k < j; k++) {
                    joined.append(words.get(k).text());
                }
                out.add(new Word(joined.toString(), words.get(i).start(), words.get(j - 1).end()));
                i = j;
            } else {
                out.add(words.get(i));
                i++;
            }
        }
        return out;
    }

    private static boolean isSingleLetter(String w) {
        return w.length() == 1 || (w.length() == 2 && Character.isHighSurrogate(w.charAt(0)));
    }

    private static MatchText build(String original, List<Word> words) {
        List<MatchText.Token> tokens = new ArrayList<>(words.size());
        for (Word w : words) {
            String full = canonical(w.text());
            String skeleton = Arabizi.skeletonOfToken(full);
            // Only a Latin-script token has a skeleton; only it can be Arabizi.
            boolean arabizi = skeleton.charAt(0) != '\u0000' && Arabizi.hasLetterDigit(full);
            tokens.add(new MatchText.Token(full, stripClitic(full), skeleton, arabizi, w.start(), w.end()));
        }
        return new MatchText(original, tokens);
    }

    /**
     * A word list entry in the same form as text tokens, one string of tokens separated by
     * single spaces; null if nothing is left of it.
     */
    public static String term(String entry) {
        MatchText m = normalize(entry);
        if (m.tokens().isEmpty()) {
            return null;
        }
        return m.full().text();
    }

    /** The Arabic consonant skeleton of a term, to catch its Arabizi spellings; null when too short to be safe. */
    public static String skeletonTerm(String normalizedTerm) {
        return Arabizi.skeletonOfArabic(normalizedTerm);
    }

    /**
     * A hash of a token's consonant skeleton, shared by its Arabic and Arabizi spellings (حمار and
     * 7mar give the same value), or 0 when it has none: for features, where building the skeleton
     * string for every word would cost more than the rest.
     */
    public static int skeletonHash(MatchText.Token token) {
        if (token.skeleton().charAt(0) != '\u0000') {
            return Arabizi.hashOf(token.skeleton());
        }
        return Arabizi.skeletonHashOfArabicWord(token.stripped());
    }

    /**
     * Repeated letters collapse to one (حماااار, fuuuck), on both sides of a match; digits do not. Latin
     * vowels are canonicalized the way Arabizi spells them loosely (sharmoota, sharmouta).
     */
    static String canonical(String word) {
        if (!needsCanonical(word)) {
            return word;
        }
        StringBuilder out = new StringBuilder(word.length());
        int prev = -1;
        boolean latin = true;
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == prev && !Character.isDigit(cp)) {
                continue; // numbers keep their digits: 22 is not 2
            }
            prev = cp;
            out.appendCodePoint(cp);
            if (cp > 0x7f) {
                latin = false;
            }
        }
        return latin ? Arabizi.canonicalLatin(out.toString()) : out.toString();
    }

    private static boolean needsCanonical(String word) {
        boolean latin = true;
        char prev = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == prev && !Character.isDigit(c)) {
                return true;
            }
            prev = c;
            latin &= c <= 0x7f;
        }
        return latin;
    }

    static String stripClitic(String word) {
        int n = word.length();
        if (n < 3) {
            return word;
        }
        char a = word.charAt(0), b = word.charAt(1);
        // Clitic prefixes, longest first: وال بال فال كال, then لل ال, each leaving 2+ letters.
        if ((a == 'و' || a == 'ب' || a == 'ف' || a == 'ك') && b == 'ا' && word.charAt(2) == 'ل' && n - 3 >= 2) {
            return word.substring(3);
        }
        if ((a == 'ل' && b == 'ل' || a == 'ا' && b == 'ل') && n - 2 >= 2) {
            return word.substring(2);
        }
        // A single و ف ب ل ك only comes off a word of 3+ letters after it.
        if ((a == 'و' || a == 'ف' || a == 'ب' || a == 'ل' || a == 'ك') && n - 1 >= 3) {
            return word.substring(1);
        }
        return word;
    }
}
