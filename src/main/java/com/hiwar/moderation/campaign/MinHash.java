package com.hiwar.moderation.campaign;

import com.hiwar.text.MatchText;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * MinHash signatures of a comment's word shingles, and the LSH bands that find candidates in an
 * index. A word is its sound skeleton's hash, which its Arabic and Arabizi spellings share
 * (the moderation normalizer has already folded marks, tatweel and lookalike letters); the
 * shingles are the words and the pairs of neighbouring words. Two texts' share of equal
 * signature values estimates the Jaccard similarity of their shingle sets.
 */
final class MinHash {

    static final int HASHES = 64;
    static final int BANDS = 16;
    static final int ROWS = HASHES / BANDS;
    private static final long PRIME = (1L << 61) - 1;
    private static final long[] A = new long[HASHES];
    private static final long[] B = new long[HASHES];

    static {
        // Fixed seed: signatures stored by one instance (or release) compare with any other's.
        SplittableRandom random = new SplittableRandom(0x4869776172L);
        for (int i = 0; i < HASHES; i++) {
            A[i] = 1 + random.nextLong(PRIME - 1);
            B[i] = random.nextLong(PRIME);
        }
    }

    /** A text's words as hashes of their sound skeletons; words with no consonant to tell (ya, el, أي) are left out. */
    static int[] words(MatchText text) {
        List<MatchText.Token> tokens = text.tokens();
        int[] out = new int[tokens.size()];
        int n = 0;
        for (MatchText.Token t : tokens) {
            String key = SoundSkeleton.of(t.full());
            if (!key.isEmpty()) {
                out[n++] = key.hashCode();
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    static int[] signature(int[] words) {
        Set<Long> shingles = new HashSet<>();
        for (int i = 0; i < words.length; i++) {
            shingles.add((long) words[i] & 0xffffffffL);
            if (i + 1 < words.length) {
                shingles.add(((long) words[i] << 32) ^ ((long) words[i + 1] & 0xffffffffL) ^ 0x5bd1e995L);
            }
        }
        int[] sig = new int[HASHES];
        for (int i = 0; i < HASHES; i++) {
            long min = Long.MAX_VALUE;
            for (long s : shingles) {
                long h = Math.floorMod(A[i] * mix(s) + B[i], PRIME);
                min = Math.min(min, h);
            }
            sig[i] = (int) (min ^ (min >>> 32));
        }
        return sig;
    }

    /** One key per band: equal keys mean the band's rows are all equal (a candidate pair). */
    static long[] bands(int[] signature) {
        long[] out = new long[BANDS];
        for (int b = 0; b < BANDS; b++) {
            long h = 0x9E3779B97F4A7C15L * (b + 1);
            for (int r = 0; r < ROWS; r++) {
                h = mix(h ^ signature[b * ROWS + r]);
            }
            out[b] = h;
        }
        return out;
    }

    static double similarity(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < HASHES; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return (double) same / HASHES;
    }

    /** SplitMix64's finalizer. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
