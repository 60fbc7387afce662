package com.hiwar.text;

/**
 * Arabizi, the Latin-script chat spelling of Arabic, where digits stand for letters Latin
 * lacks (2 ء, 3 ع, 5 خ, 6 ط, 7 ح, 8 ق, 9 ص). No library covers it, so this is custom: a token
 * spelled that way is reduced to an Arabic consonant skeleton (vowels dropped, as Arabic
 * script leaves short vowels unwritten), and so is every Arabic word list entry. "7mar",
 * "7emar" and حمار meet at حمر.
 */
final class Arabizi {


    private Arabizi() {}

    /** The letter a Latin letter followed by h spells (sh, kh, gh, th, dh), or 0. */
    private static char digraph(char c) {
        return switch (c) {
            case 's' -> 'ش';
            case 'k' -> 'خ';
            case 'g' -> 'غ';
            case 't' -> 'ت';
            case 'd' -> 'ز';
            default -> 0;
        };
    }

    private static char letter(char c) {
        return switch (c) {
            case 'b', 'p' -> 'ب';
            case 't' -> 'ت';
            case 'g', 'j' -> 'ج';
            case '7' -> 'ح';
            case 'h' -> 'ه';
            case '5' -> 'خ';
            case 'd' -> 'د';
            case 'r' -> 'ر';
            case 'z' -> 'ز';
            case 's' -> 'س';
            case '9' -> 'ص';
            case '6' -> 'ط';
            case '3' -> 'ع';
            case '8', 'q' -> 'ق';
            case 'f', 'v' -> 'ف';
            case 'k', 'c' -> 'ك';
            case 'l' -> 'ل';
            case 'm' -> 'م';
            case 'n' -> 'ن';
            case 'w' -> 'و';
            case 'y' -> 'ي';
            default -> 0; // vowels, 2 (hamza), anything else: not written in the skeleton
        };
    }

    /**
     * Loose Latin spellings made equal: ou and o as u, e as i, ch as sh
     * (sharmoota, sharmouta and charmouta meet at sharmuta).
     */
    static String canonicalLatin(String word) {
        if (word.indexOf('o') < 0 && word.indexOf('e') < 0 && !word.contains("ch")) {
            return word;
        }
        return word.replace("ou", "u").replace('o', 'u').replace('e', 'i').replace("ch", "sh");
    }

    /**
     * The skeleton of a Latin-script token, else "\u0000" (a placeholder no entry matches). A
     * skeleton match counts only if one of its tokens has a letter-digit ({@link #hasLetterDigit}):
     * "kol 5ra" is Arabizi, "kalb" alone could be anything.
     */
    static String skeletonOfToken(String token) {
        boolean letter = false, digit = false;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c >= 'a' && c <= 'z') {
                letter = true;
            } else if (c == '2' || c == '3' || (c >= '5' && c <= '9')) {
                digit = true;
            } else if (!(c >= '0' && c <= '9')) {
                return "\u0000"; // not Arabizi: a placeholder that no entry matches
            }
        }
        if (!letter) {
            return "\u0000";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            char pair = i + 1 < token.length() && token.charAt(i + 1) == 'h' ? digraph(c) : 0;
            if (pair != 0) {
                append(out, pair);
                i++;
                continue;
            }
            char a = letter(c);
            if (a != 0) {
                append(out, a);
            } else if (i == 0) {
                out.append('ا'); // a leading vowel or hamza is written as alef
            }
        }
        return MatchNormalizer.stripClitic(out.toString());
    }

    static boolean hasLetterDigit(String token) {
        boolean letter = false, digit = false;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            letter |= c >= 'a' && c <= 'z';
            digit |= c == '2' || c == '3' || (c >= '5' && c <= '9');
        }
        return letter && digit;
    }

    /**
     * The skeleton of an Arabic entry: long vowels (ا و ي) dropped except at the start of a
     * word, repeats collapsed. Null if the entry has non-Arabic words or the skeleton is
     * shorter than two letters, where it would match too much.
     */
    static String skeletonOfArabic(String term) {
        StringBuilder out = new StringBuilder();
        int letters = 0;
        for (String word : term.split(" ")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                if (c < 0x0621 || c > 0x064A) {
                    return null;
                }
                if (i > 0 && (c == 'ا' || c == 'و' || c == 'ي')) {
                    continue;
                }
                if (append(out, plain(c))) {
                    letters++;
                }
            }
        }
        return letters >= 2 ? out.toString() : null;
    }

    /**
     * A hash of one Arabic word's skeleton, as {@link #skeletonOfArabic} would spell it, without
     * building the string (the model hashes every word of every comment); 0 when the word has no
     * skeleton. Equal to {@link #hashOf} of the skeleton string.
     */
    static int skeletonHashOfArabicWord(String word) {
        int h = HASH_SEED, letters = 0;
        char last = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < 0x0621 || c > 0x064A) {
                return 0;
            }
            if (i > 0 && (c == 'ا' || c == 'و' || c == 'ي')) {
                continue;
            }
            char p = plain(c);
            if (p != last) {
                h = (h ^ p) * HASH_PRIME;
                last = p;
                letters++;
            }
        }
        return letters >= 2 ? h : 0;
    }

    private static final int HASH_SEED = 0x811C9DC5, HASH_PRIME = 0x01000193;

    /** FNV-1a of a string, the hash {@link #skeletonHashOfArabicWord} computes on the fly. */
    static int hashOf(String s) {
        int h = HASH_SEED;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * HASH_PRIME;
        }
        return h;
    }

    /** Letters Arabizi spells alike meet: ض as d, ظ and ذ as z, ث as t. */
    private static char plain(char c) {
        return switch (c) {
            case 'ض' -> 'د';
            case 'ظ', 'ذ' -> 'ز';
            case 'ث' -> 'ت';
            default -> c;
        };
    }

    private static boolean append(StringBuilder out, char c) {
        if (!out.isEmpty() && out.charAt(out.length() - 1) == c) {
            return false;
        }
        out.append(c);
        return true;
    }
}
