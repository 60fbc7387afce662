package com.hiwar.moderation.campaign;

/**
 * A word's consonants as they sound, the same for its Arabic and its Arabizi spelling: الحكومة
 * and el 7okoma, تصدقوا and tsada2o, الأسعار and as3ar all meet. Long vowels and hamzas drop (a
 * leading و or ي stays: they are consonants there), ق drops as Egyptian speech drops it, a final
 * ه or ة drops, letters spelled alike meet (ث and ت, ذ ز and ظ, ص and س, ض and د), repeats
 * collapse. Coarser than the moderation matchers' skeleton on purpose: it only has to tell one
 * campaign's words from another message's, never to convict a word.
 */
final class SoundSkeleton {

    private SoundSkeleton() {}

    /** {@code word}: a normalized token (Latin lower-cased). Empty when no consonant is left. */
    static String of(String word) {
        if (word.equals("el") || word.equals("al") || word.equals("il")) {
            return ""; // the article written apart, as Arabizi does
        }
        if (word.length() > 3 && word.startsWith("ال")) {
            word = word.substring(2); // and the article written on, as Arabic does (other clitics are rare enough to keep)
        }
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            char next = i + 1 < word.length() ? word.charAt(i + 1) : 0;
            char sound;
            if (c >= 'a' && c <= 'z' && next == 'h' && latinDigraph(c) != 0) {
                sound = latinDigraph(c);
                i++;
            } else if (c < 0x80) {
                sound = latin(c, i == 0);
            } else {
                sound = arabic(c, i == 0);
            }
            if (sound != 0 && (out.isEmpty() || out.charAt(out.length() - 1) != sound)) {
                out.append(sound);
            }
        }
        int last = out.length() - 1;
        if (last > 0 && out.charAt(last) == 'h') {
            out.setLength(last); // كلمه، كلمة and kelma
        }
        return out.toString();
    }

    private static char latinDigraph(char c) {
        return switch (c) {
            case 'k' -> '5';
            case 's', 'c' -> 'S';
            case 'g' -> 'G';
            case 't' -> 't';
            case 'd' -> 'z';
            default -> 0;
        };
    }

    private static char latin(char c, boolean first) {
        return switch (c) {
            case 'a', 'e', 'i', 'o', 'u', 'q', '2' -> 0;
            case 'w', 'y' -> first ? c : 0;
            case 'j' -> 'g';
            case 'c' -> 'k';
            case 'p' -> 'b';
            case 'v' -> 'f';
            case '9' -> 's';
            case '6' -> 't';
            case '7', '3', '5' -> c;
            default -> (c >= 'a' && c <= 'z') ? c : (c >= '0' && c <= '9') ? c : 0;
        };
    }

    private static char arabic(char c, boolean first) {
        return switch (c) {
            case 'ب' -> 'b';
            case 'ت', 'ث', 'ط' -> 't';
            case 'ج' -> 'g';
            case 'ح' -> '7';
            case 'خ' -> '5';
            case 'د', 'ض' -> 'd';
            case 'ذ', 'ز', 'ظ' -> 'z';
            case 'ر' -> 'r';
            case 'س', 'ص' -> 's';
            case 'ش' -> 'S';
            case 'ع' -> '3';
            case 'غ' -> 'G';
            case 'ف' -> 'f';
            case 'ك' -> 'k';
            case 'ل' -> 'l';
            case 'م' -> 'm';
            case 'ن' -> 'n';
            case 'ه', 'ة' -> 'h';
            case 'و' -> first ? 'w' : 0;
            case 'ي' -> first ? 'y' : 0;
            default -> (c >= '\u0660' && c <= '\u0669') ? (char) ('0' + (c - '\u0660')) : 0; // ا ى ء أ إ آ ؤ ئ ق: silent here
        };
    }
}
