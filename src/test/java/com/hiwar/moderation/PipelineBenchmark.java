package com.hiwar.moderation;

import com.hiwar.moderation.rules.ModerationPipeline;
import com.hiwar.moderation.rules.Submission;
import com.hiwar.moderation.rules.Verdict;
import com.hiwar.moderation.rules.WordListName;
import com.hiwar.moderation.wordlist.WordListFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The whole moderation pipeline (normalization, both word lists, every text rule) on 1 KB
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

    @Benchmark
    public Verdict evaluate() {
        String body = comments.get(next++ & 63);
        return pipeline.evaluate(Submission.of(body, Offline.ESTABLISHED, false));
    }
}
