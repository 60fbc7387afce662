package com.hiwar.text;

import com.hiwar.problem.ProblemException;
import java.text.Normalizer;

/**
 * Turns user-submitted text into the form we store: NFC, LF line ends, no bidi
 * embeddings or overrides, and nothing a renderer could trip on. Text that cannot be
 * made safe without guessing (NUL and other controls, unpaired surrogates) is refused,
 * not silently altered, so the author sees why.
 */
public final class TextSanitizer {

    private TextSanitizer() {}

    /** The stored form of a comment body, or a 422 naming {@code field}. */
    public static String clean(String raw, String field, int minCodePoints, int maxCodePoints) {
        if (raw == null) {
            throw ProblemException.invalid(field, "is required");
        }
        String text = cleanText(raw, field);
        int length = text.codePointCount(0, text.length());
        if (length < minCodePoints) {
            throw ProblemException.invalid(field, "must not be empty");
        }
        if (length > maxCodePoints) {
            throw ProblemException.invalid(field, "is " + length + " characters long; the limit is " + maxCodePoints);
        }
        return text;
    }

    /** A single-line label such as a display name: never refused, only cleaned and cut to {@code max}. */
    public static String cleanLabel(String raw, int max) {
        if (raw == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(raw.length());
        Normalizer.normalize(raw.replaceAll("\\p{Zl}|\\p{Zp}|[\\r\\n\\t]", " "), Normalizer.Form.NFC).codePoints()
                .filter(cp -> !Character.isISOControl(cp) && !isBidiControl(cp) && !isNonCharacter(cp)
                        && !(cp <= 0xFFFF && Character.isSurrogate((char) cp)))
                .forEach(out::appendCodePoint);
        String text = out.toString().replaceAll(" {2,}", " ").strip();
        if (text.codePointCount(0, text.length()) > max) {
            text = text.substring(0, text.offsetByCodePoints(0, max)).strip();
        }
        return text.isEmpty() ? null : text;
    }

    private static String cleanText(String raw, String field) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw ProblemException.invalid(field, "contains an unpaired surrogate (invalid UTF-16) at offset " + i);
            }
        }
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(text.length());
        int offset = 0;
        for (int cp : text.codePoints().toArray()) {
            if (isBidiControl(cp)) {
                offset++;
                continue;
            }
            if (cp == '\n' || cp == '\t') {
                out.appendCodePoint(cp);
            } else if (Character.isISOControl(cp) || isNonCharacter(cp)) {
                throw ProblemException.invalid(field, String.format(
                        "contains the control character U+%04X at position %d", cp, offset));
            } else {
                out.appendCodePoint(cp);
            }
            offset++;
        }
        return out.toString().strip();
    }

    /**
     * Embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069) can make a
     * comment spoof the page around it. LRM, RLM, ALM, ZWJ and ZWNJ stay: Arabic needs them.
     */
    static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }

    private static boolean isNonCharacter(int cp) {
        return (cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF);
    }

    /** {@code rtl} or {@code ltr} from the first strong character; Arabic when there is none. */
    public static String direction(String text) {
        for (int cp : text.codePoints().toArray()) {
            byte d = Character.getDirectionality(cp);
            if (d == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                return "ltr";
            }
            if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return "rtl";
            }
        }
        return "rtl";
    }
}
