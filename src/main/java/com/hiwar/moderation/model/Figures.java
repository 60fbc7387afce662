package com.hiwar.moderation.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A model's figures on labelled examples it never trained on: scores sorted once, then precision,
 * recall and macro-F1 at any threshold, and the thresholds that meet a precision or recall target.
 */
public final class Figures {

    private final double[] offensive; // scores of the offensive examples, ascending
    private final double[] benign;

    private Figures(double[] offensive, double[] benign) {
        this.offensive = offensive;
        this.benign = benign;
        Arrays.sort(this.offensive);
        Arrays.sort(this.benign);
    }

    public static Figures of(OffensiveModel model, List<Example> examples) {
        double[] pos = examples.stream().filter(Example::offensive).mapToDouble(e -> model.score(e.cleanText())).toArray();
        double[] neg = examples.stream().filter(e -> !e.offensive()).mapToDouble(e -> model.score(e.cleanText())).toArray();
        return new Figures(pos, neg);
    }

    /** Figures over scores already known, e.g. the ones recorded with moderators' decisions. */
    public static Figures ofScores(double[] offensiveScores, double[] benignScores) {
        return new Figures(offensiveScores.clone(), benignScores.clone());
    }

    public int rows() {
        return offensive.length + benign.length;
    }

    public int offensiveRows() {
        return offensive.length;
    }

    /** Offensive examples scored at or above the threshold. */
    public long truePositives(double threshold) {
        return atOrAbove(offensive, threshold);
    }

    public long falsePositives(double threshold) {
        return atOrAbove(benign, threshold);
    }

    public double precision(double threshold) {
        long tp = truePositives(threshold), fp = falsePositives(threshold);
        return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
    }

    public double recall(double threshold) {
        return offensive.length == 0 ? 0 : (double) truePositives(threshold) / offensive.length;
    }

    /** Share of benign examples scored at or above the threshold: what holding there costs. */
    public double benignRate(double threshold) {
        return benign.length == 0 ? 0 : (double) falsePositives(threshold) / benign.length;
    }

    /** The mean of both classes' F1, the shared tasks' measure. */
    public double macroF1(double threshold) {
        long tp = truePositives(threshold), fp = falsePositives(threshold);
        long fn = offensive.length - tp, tn = benign.length - fp;
        return (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2;
    }

    private static double f1(long tp, long fp, long fn) {
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    /** The lowest threshold whose precision is at least the target, or NaN when none reaches it. */
    public double thresholdForPrecision(double target) {
        // Precision wobbles where few rows score high; the lowest threshold that meets the target wins.
        for (double t : candidates()) {
            if (truePositives(t) > 0 && precision(t) >= target) {
                return t; // candidates ascend: the first that meets the target is the lowest
            }
        }
        return Double.NaN;
    }

    /** The highest threshold whose recall is at least the target. */
    public double thresholdForRecall(double target) {
        if (offensive.length == 0) {
            return Double.NaN;
        }
        int missed = (int) Math.floor(offensive.length * (1 - target) + 1e-9);
        return offensive[Math.min(missed, offensive.length - 1)];
    }

    private double[] candidates() {
        double[] all = new double[offensive.length + benign.length];
        System.arraycopy(offensive, 0, all, 0, offensive.length);
        System.arraycopy(benign, 0, all, offensive.length, benign.length);
        Arrays.sort(all);
        return Arrays.stream(all).distinct().toArray();
    }

    private static long atOrAbove(double[] sorted, double threshold) {
        int i = Arrays.binarySearch(sorted, threshold);
        if (i < 0) {
            i = -i - 1;
        } else {
            while (i > 0 && sorted[i - 1] == threshold) {
                i--;
            }
        }
        return sorted.length - i;
    }

    /** Four decimals, as figures are stored and shown. */
    public static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    public static String format(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.4f", value);
    }
}
