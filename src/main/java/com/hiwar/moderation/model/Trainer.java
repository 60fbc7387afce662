package com.hiwar.moderation.model;

import com.hiwar.text.MatchNormalizer;
import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleConsumer;

/**
 * Trains an {@link OffensiveModel} with liblinear. Deterministic: the same examples in the same
 * order with the same settings give the same weights, hence the same model bytes.
 */
public final class Trainer {

    /**
     * The learner's settings. {@code offensiveWeight} is the cost of missing an offensive example
     * relative to a false alarm: offensive text is the minority, and a miss is what readers see.
     * {@code smoothing} is the count added to each feature's class totals for its log-count ratio.
     */
    public record Settings(Features.Spec spec, double c, double offensiveWeight, double smoothing, long seed) {
        public static final Settings DEFAULT = new Settings(Features.Spec.DEFAULT, 0.25, 2.0, 0.25, 13);
    }

    private Trainer() {}

    public static OffensiveModel train(List<Example> examples, Settings settings) {
        return train(examples, settings, p -> {});
    }

    /** {@code progress} hears a fraction in [0, 1] as features are built and the learner runs. */
    public static OffensiveModel train(List<Example> examples, Settings settings, DoubleConsumer progress) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no examples to train on");
        }
        int rows = examples.stream().mapToInt(Example::weight).sum();
        Problem problem = new Problem();
        problem.l = rows;
        problem.n = settings.spec().size() + 1; // the last feature is the bias, 1 in every row
        problem.bias = 1;
        problem.x = new Feature[rows][];
        problem.y = new double[rows];
        int row = 0;
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            Feature[] x = vector(e.cleanText(), settings.spec());
            for (int k = 0; k < e.weight(); k++) {
                problem.x[row] = x;
                problem.y[row++] = e.offensive() ? 1 : 0;
            }
            if (i % 1000 == 0) {
                progress.accept(0.6 * i / examples.size());
            }
        }
        double[] ratio = scaleByLogCountRatio(problem, settings);
        // The linear SVM: on a validation slice of the training part it beat logistic regression
        // (C 1 to 16) by 0.01 to 0.05 macro-F1 on OSACT2020; see the README.
        Parameter parameter = new Parameter(SolverType.L2R_L2LOSS_SVC_DUAL, settings.c(), 0.01);
        parameter.setWeights(new double[] {settings.offensiveWeight()}, new int[] {1});
        parameter.setRandom(new Random(settings.seed()));
        progress.accept(0.6);
        Model model;
        synchronized (Linear.class) { // liblinear's debug output switch is global
            Linear.disableDebugOutput();
            model = Linear.train(problem, parameter);
        }
        progress.accept(0.95);
        double[] w = model.getFeatureWeights();
        // liblinear's decision is positive for its first label; make positive mean offensive.
        double sign = model.getLabels()[0] == 1 ? 1 : -1;
        float[] weights = new float[settings.spec().size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) (sign * w[i] * ratio[i]);
        }
        float bias = (float) (sign * w[settings.spec().size()]);
        return new OffensiveModel(settings.spec(), bias, weights);
    }

    /**
     * NBSVM (Wang and Manning, 2012): each feature is scaled by how unevenly it falls between the
     * classes, |log((p/|p|) / (q/|q|))| plus a floor, before the SVM sees it. The SVM then spends its
     * weight on the telling features; on the validation slice this gained 0.03 macro-F1 on OSACT2020.
     * The scale is folded into the weights afterwards, so scoring is unchanged. Rows repeated for
     * their weight share one vector, scaled once.
     */
    private static double[] scaleByLogCountRatio(Problem problem, Settings settings) {
        int size = settings.spec().size();
        double[] offensive = new double[size], ordinary = new double[size];
        Arrays.fill(offensive, settings.smoothing());
        Arrays.fill(ordinary, settings.smoothing());
        for (int r = 0; r < problem.l; r++) {
            double[] into = problem.y[r] == 1 ? offensive : ordinary;
            Feature[] x = problem.x[r];
            for (int j = 0; j < x.length - 1; j++) { // the last is the bias
                into[x[j].getIndex() - 1] += x[j].getValue();
            }
        }
        double offensiveTotal = Arrays.stream(offensive).sum(), ordinaryTotal = Arrays.stream(ordinary).sum();
        double[] ratio = new double[size];
        for (int j = 0; j < size; j++) {
            ratio[j] = Math.abs(Math.log((offensive[j] / offensiveTotal) / (ordinary[j] / ordinaryTotal))) + 0.1;
        }
        Feature[] previous = null;
        for (Feature[] x : problem.x) {
            if (x != previous) {
                for (int j = 0; j < x.length - 1; j++) {
                    x[j].setValue(x[j].getValue() * ratio[x[j].getIndex() - 1]);
                }
                previous = x;
            }
        }
        return ratio;
    }

    /** The example's features as liblinear reads them: sorted 1-based indices, counts scaled like the scorer's. */
    static Feature[] vector(String text, Features.Spec spec) {
        Features.Occurrences o = Features.extract(MatchNormalizer.normalize(text), spec, new Features.Occurrences());
        int[] b = Arrays.copyOf(o.buckets, o.size);
        Arrays.sort(b);
        double scale = 1 / Math.sqrt(Math.max(1, b.length));
        int distinct = 0;
        for (int i = 0; i < b.length; i++) {
            distinct += i == 0 || b[i] != b[i - 1] ? 1 : 0;
        }
        Feature[] x = new Feature[distinct + 1];
        x[distinct] = new FeatureNode(spec.size() + 1, 1);
        int k = -1;
        for (int i = 0; i < b.length; i++) {
            if (i == 0 || b[i] != b[i - 1]) {
                x[++k] = new FeatureNode(b[i] + 1, scale);
            } else {
                x[k].setValue(x[k].getValue() + scale);
            }
        }
        return x;
    }
}
