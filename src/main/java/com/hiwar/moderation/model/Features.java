package com.hiwar.moderation.model;

import com.hiwar.text.MatchNormalizer;
import com.hiwar.text.MatchText;
import java.util.Arrays;
import java.util.List;

/**
 * Hashed features of a normalized comment: character n-grams of every token (with word
 * boundaries), the token and the token with its clitic stripped, its consonant skeleton (shared by
 * Arabic and Arabizi spellings), and word bigrams. Normalization already folded diacritics, tatweel, letter variants, lookalikes and
 * repeated letters, so the evasions the word lists resist cannot move a comment's features either.
 *
 * <p>Each occurrence adds one to its bucket and the vector is divided by the square root of the
 * number of occurrences, so scoring is one pass with no map. Every occurrence keeps the token it
 * came from, so the scorer's passages and the explanation's spans come from this one walk.
 */
public final class Features {

    /** What the features are; stored in each model so a model is always read with its own spec. */
    public record Spec(int bits, int minGram, int maxGram) {

        public static final Spec DEFAULT = new Spec(17, 2, 4);

        public Spec {
            if (bits < 10 || bits > 24 || minGram < 1 || maxGram < minGram || maxGram > 8) {
                throw new IllegalArgumentException("bad feature spec " + bits + "/" + minGram + "/" + maxGram);
            }
        }

        public int size() {
            return 1 << bits;
        }
    }

    /**
     * The feature occurrences of one text: parallel arrays of bucket and token index. Reused by
     * its thread from text to text, so scoring allocates nothing per feature.
     */
    public static final class Occurrences {
        int[] buckets = new int[2048];
        int[] tokens = new int[2048];
        int size;
        char[] padded = new char[64];

        public int size() {
            return size;
        }

        public int bucket(int i) {
            return buckets[i];
        }

        public int token(int i) {
            return tokens[i];
        }

        void add(int bucket, int token) {
            reserve(1);
            buckets[size] = bucket;
            tokens[size++] = token;
        }

        /** Room for {@code more} occurrences without another check. */
        void reserve(int more) {
            if (size + more > buckets.length) {
                int capacity = Math.max(buckets.length * 2, size + more);
                buckets = Arrays.copyOf(buckets, capacity);
                tokens = Arrays.copyOf(tokens, capacity);
            }
        }
    }

    private static final int FNV_OFFSET = 0x811C9DC5;
    private static final int FNV_PRIME = 0x01000193;
    private static final char BOUNDARY = ' ';
    // Kinds keep a word's n-grams, its stripped form and its bigrams in separate hash spaces.
    private static final int GRAMS = 0x9E3779B9, STRIPPED = 0x7F4A7C15, SKELETON = 0x2545F491, WORD = 0x5BD1E995,
            BIGRAM = 0x27D4EB2F;

    private Features() {}

    /** Every feature occurrence of the text, into {@code into} (cleared first). */
    public static Occurrences extract(MatchText text, Spec spec, Occurrences into) {
        into.size = 0;
        int shift = 32 - spec.bits();
        List<MatchText.Token> tokens = text.tokens();
        int previous = 0;
        for (int t = 0; t < tokens.size(); t++) {
            MatchText.Token token = tokens.get(t);
            String full = token.full();
            grams(full, spec, shift, t, into);
            // The word and its clitic-stripped form (a suffix of it), hashed from the padded copy grams() left.
            int word = hash(WORD, into.padded, 1, full.length() + 1);
            into.add(mix(word) >>> shift, t);
            int clitic = full.length() - token.stripped().length();
            if (clitic > 0) {
                into.add(mix(hash(STRIPPED, into.padded, 1 + clitic, full.length() + 1)) >>> shift, t);
            }
            // Arabic words and Latin-script ones meet at their consonant skeleton (حمار, 7mar, hmar: حمر),
            // so what the Arabic training rows teach reaches Arabizi too.
            int skeleton = MatchNormalizer.skeletonHash(token);
            if (skeleton != 0) {
                into.add(mix(skeleton ^ SKELETON) >>> shift, t);
            }
            if (t > 0) {
                into.add(mix(previous * 31 + word ^ BIGRAM) >>> shift, t);
            }
            previous = word;
        }
        return into;
    }

    /** Character n-grams of the token between boundaries, hashed incrementally from each start. */
    private static void grams(String s, Spec spec, int shift, int token, Occurrences into) {
        int length = s.length() + 2, min = spec.minGram(), max = spec.maxGram();
        if (into.padded.length < length) {
            into.padded = new char[length * 2];
        }
        into.reserve(length * (max - min + 1));
        char[] c = into.padded;
        c[0] = BOUNDARY;
        s.getChars(0, s.length(), c, 1);
        c[length - 1] = BOUNDARY;
        // Locals, not fields, in the hot loop: the JIT keeps them in registers.
        int[] buckets = into.buckets, tokens = into.tokens;
        int size = into.size;
        for (int i = 0; i < length; i++) {
            int h = FNV_OFFSET ^ GRAMS;
            int end = Math.min(length, i + max);
            for (int j = i; j < end; j++) {
                h = (h ^ c[j]) * FNV_PRIME;
                if (j - i + 1 >= min) {
                    buckets[size] = mix(h) >>> shift;
                    tokens[size++] = token;
                }
            }
        }
        into.size = size;
    }

    private static int hash(int kind, char[] c, int from, int to) {
        int h = FNV_OFFSET ^ kind;
        for (int i = from; i < to; i++) {
            h = (h ^ c[i]) * FNV_PRIME;
        }
        return h;
    }

    /** Murmur3's finalizer: FNV's low bits are weak, and buckets take the high ones. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        return h ^ (h >>> 16);
    }
}
