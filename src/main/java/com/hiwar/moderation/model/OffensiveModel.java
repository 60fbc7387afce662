package com.hiwar.moderation.model;

import com.hiwar.text.MatchNormalizer;
import com.hiwar.text.MatchText;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A linear model over {@link Features}: the score is the logistic of the bias plus the weights
 * of the comment's features. Immutable; one instance serves every thread. Its bytes are the same
 * for the same weights (gzip with no timestamp), so training reproducibly gives the same file.
 */
public final class OffensiveModel {

    private static final int MAGIC = 0x48574d31; // "HWM1"
    private static final int MAX_BYTES = 64 << 20;

    private final Features.Spec spec;
    private final float bias;
    private final float[] weights;

    public OffensiveModel(Features.Spec spec, float bias, float[] weights) {
        if (weights.length != spec.size()) {
            throw new IllegalArgumentException("expected " + spec.size() + " weights, got " + weights.length);
        }
        this.spec = spec;
        this.bias = bias;
        this.weights = weights;
    }

    public Features.Spec spec() {
        return spec;
    }

    /** The probability-like score in [0, 1] that the text is offensive. */
    public double score(MatchText text) {
        return scored(text).score();
    }

    public double score(String text) {
        return score(MatchNormalizer.normalize(text));
    }

    /**
     * The longest passage, in tokens, scored as one. Training rows are tweets, mostly shorter than
     * this; a longer comment scores as its most offensive passage, so one insult is not diluted by
     * a page of text around it.
     */
    static final int WINDOW = 32;

    private static final ThreadLocal<Features.Occurrences> OCCURRENCES = ThreadLocal.withInitial(Features.Occurrences::new);

    /** A text's score with what explains it: each token's summed weights and feature count. */
    public final class Scored {
        private final MatchText text;
        private final double[] sum;
        private final int[] count;
        private final double score;

        private Scored(MatchText text, double[] sum, int[] count) {
            this.text = text;
            this.sum = sum;
            this.count = count;
            this.score = logistic(bias + best());
        }

        public double score() {
            return score;
        }

        /** The highest (sum of weights) / sqrt(features) over every run of WINDOW tokens (all, if fewer). */
        private double best() {
            int n = sum.length, w = Math.min(WINDOW, n);
            double s = 0;
            int c = 0;
            for (int t = 0; t < w; t++) {
                s += sum[t];
                c += count[t];
            }
            double best = c == 0 ? 0 : s / Math.sqrt(c);
            for (int t = w; t < n; t++) {
                s += sum[t] - sum[t - w];
                c += count[t] - count[t - w];
                if (c > 0) {
                    best = Math.max(best, s / Math.sqrt(c));
                }
            }
            return best;
        }

        /**
         * The tokens that pushed the score up most, as spans of the original text (UTF-16 units, like
         * the word lists' reasons), strongest first; adjacent chosen tokens join into one span.
         */
        public List<Span> explain(int max) {
            List<MatchText.Token> tokens = text.tokens();
            boolean[] chosen = new boolean[tokens.size()];
            for (int k = 0; k < max; k++) { // the few strongest by repeated scans: no boxing, no sort of a long text
                int top = -1;
                for (int t = 0; t < sum.length; t++) {
                    if (!chosen[t] && sum[t] > 0 && (top < 0 || sum[t] > sum[top])) {
                        top = t;
                    }
                }
                if (top < 0) {
                    break;
                }
                chosen[top] = true;
            }
            List<Span> spans = new ArrayList<>();
            for (int t = 0; t < tokens.size(); t++) {
                if (!chosen[t]) {
                    continue;
                }
                int last = t;
                double weight = sum[t];
                int features = count[t];
                while (last + 1 < tokens.size() && chosen[last + 1]) {
                    weight += sum[++last];
                    features += count[last];
                }
                int start = text.startOf(t), end = text.endOf(last);
                spans.add(new Span(start, end, text.original().substring(start, end), weight / Math.sqrt(features)));
                t = last;
            }
            spans.sort(Comparator.comparingDouble(span -> -span.weight()));
            return spans;
        }
    }

    /** Scores the text in one pass over its features. */
    public Scored scored(MatchText text) {
        int n = text.tokens().size();
        double[] sum = new double[n];
        int[] count = new int[n];
        Features.Occurrences o = Features.extract(text, spec, OCCURRENCES.get());
        int[] buckets = o.buckets, tokens = o.tokens;
        // Occurrences come grouped by token: sum in a register, store once per token.
        int i = 0;
        while (i < o.size) {
            int token = tokens[i], start = i;
            float s = 0;
            for (; i < o.size && tokens[i] == token; i++) {
                s += weights[buckets[i]];
            }
            sum[token] += s;
            count[token] += i - start;
        }
        return new Scored(text, sum, count);
    }

    /** A stretch of the original text that pushed the score up, and by how much (in margin units). */
    public record Span(int start, int end, String text, double weight) {}

    /** The spans that contributed most to the text's score; see {@link Scored#explain}. */
    public List<Span> explain(MatchText text, int max) {
        return scored(text).explain(max);
    }

    static double logistic(double margin) {
        return 1 / (1 + Math.exp(-margin));
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // Buffered: DataOutput's writeFloat would otherwise deflate byte by byte.
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(bytes), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeByte(spec.bits());
            out.writeByte(spec.minGram());
            out.writeByte(spec.maxGram());
            out.writeFloat(bias);
            for (float w : weights) {
                out.writeFloat(w);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads a model written by {@link #toBytes}; anything else is refused with a clear message. */
    public static OffensiveModel fromBytes(byte[] data) {
        if (data == null || data.length < 2 || data.length > MAX_BYTES) {
            throw new IllegalArgumentException("not a Hiwar model: size " + (data == null ? 0 : data.length));
        }
        // Buffered: readFloat would otherwise inflate byte by byte (a fifth of the model's load at start).
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(new ByteArrayInputStream(data)), 1 << 16))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not a Hiwar model: bad magic");
            }
            Features.Spec spec = new Features.Spec(in.readUnsignedByte(), in.readUnsignedByte(), in.readUnsignedByte());
            float bias = in.readFloat();
            float[] weights = new float[spec.size()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = in.readFloat();
            }
            if (in.read() != -1) {
                throw new IllegalArgumentException("not a Hiwar model: trailing bytes");
            }
            return new OffensiveModel(spec, bias, weights);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a Hiwar model: " + e.getMessage(), e);
        }
    }
}
