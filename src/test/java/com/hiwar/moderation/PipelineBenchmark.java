package com.hiwar.moderation;

import com.hiwar.moderation.rules.ModerationPipeline;
import com.hiwar.moderation.rules.Submission;
import com.hiwar.moderation.rules.Verdict;
import com.hiwar.moderation.rules.WordListName;
import com.hiwar.moderation.wordlist.WordListFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The whole moderation pipeline (normalization, both word lists, the model, every text rule) on 1 KB
 * Arabic comments, with word lists of 10,000 terms (the shipped ones plus generated Arabic
 * words and phrases). Run with bench/moderation-jmh.sh; the figure is comments per second
 * on one thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PipelineBenchmark {

    private static final String LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";

    private ModerationPipeline pipeline;
    private ModerationPipeline withoutModel;
    private MessageDigest sha256;
    private com.hiwar.moderation.model.OffensiveModel model;
    private final List<com.hiwar.text.MatchText> normalized = new ArrayList<>();
    private final List<byte[]> utf8 = new ArrayList<>();
    private final List<String> comments = new ArrayList<>();
    private int next;

    @Setup
    public void setup() throws Exception {
        Random random = new Random(42);
        List<String> banned = new ArrayList<>(WordListFiles.defaults(WordListName.BANNED));
        List<String> suspect = new ArrayList<>(WordListFiles.defaults(WordListName.SUSPECT));
        while (banned.size() + suspect.size() < 10_000) {
            String term = random.nextInt(5) == 0 ? word(random) + " " + word(random) : word(random);
            (random.nextBoolean() ? banned : suspect).add(term);
        }
        pipeline = Offline.pipeline(Offline.config(Map.of()), banned, suspect);
        withoutModel = Offline.pipeline(Offline.config(Map.of("hiwar.moderation.model.enabled", "false")), banned, suspect);
        sha256 = MessageDigest.getInstance("SHA-256");
        model = Offline.shipped().model();
        List<String> sentences = Files.readAllLines(Path.of("bench/benign-news.txt"), StandardCharsets.UTF_8)
                .stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        for (int i = 0; i < 64; i++) {
            StringBuilder c = new StringBuilder();
            while (c.toString().getBytes(StandardCharsets.UTF_8).length < 1024) {
                c.append(sentences.get(random.nextInt(sentences.size()))).append(' ');
            }
            String text = c.toString();
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            comments.add(new String(utf8, 0, 1024, StandardCharsets.UTF_8).replace("\uFFFD", ""));
            this.utf8.add(comments.get(i).getBytes(StandardCharsets.UTF_8));
            normalized.add(com.hiwar.text.MatchNormalizer.normalize(comments.get(i)));
        }
    }

    private static String word(Random random) {
        StringBuilder w = new StringBuilder();
        int n = 4 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            w.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return w.toString();
    }

    /** The whole pipeline: normalization, both word lists, the model, every text rule. */
    @Benchmark
    public Verdict evaluate() {
        String body = comments.get(next++ & 63);
        return pipeline.evaluate(Submission.of(body, Offline.ESTABLISHED, false));
    }

    /** The same without the model: what the model costs is the difference. */
    @Benchmark
    public Verdict evaluateWithoutModel() {
        String body = comments.get(next++ & 63);
        return withoutModel.evaluate(Submission.of(body, Offline.ESTABLISHED, false));
    }

    /** Normalization alone: what every rule's input costs. */
    @Benchmark
    public Object normalizeOnly() {
        return com.hiwar.text.MatchNormalizer.normalize(comments.get(next++ & 63));
    }

    /** The model alone on text already normalized (the pipeline normalizes once for every rule). */
    @Benchmark
    public double modelOnly() {
        return model.score(normalized.get(next++ & 63));
    }

    /**
     * The same-run reference: SHA-256 of the same 1 KB comments, a fixed JDK workload. On a busy
     * machine both fall together; the ratio is the figure that reproduces.
     */
    @Benchmark
    public byte[] referenceSha256() {
        return sha256.digest(utf8.get(next++ & 63));
    }
}
