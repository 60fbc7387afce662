package com.hiwar.moderation;

import com.hiwar.moderation.model.Example;
import com.hiwar.moderation.model.Figures;
import com.hiwar.moderation.model.LabelledFiles;
import com.hiwar.moderation.model.OffensiveModel;
import com.hiwar.moderation.rules.Decision;
import com.hiwar.moderation.rules.ModerationPipeline;
import com.hiwar.moderation.rules.Submission;
import com.hiwar.moderation.rules.Verdict;
import com.hiwar.moderation.rules.WordListName;
import com.hiwar.moderation.wordlist.WordListFiles;
import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The moderation evaluation (bench/moderation-eval.sh). Runs the pipeline with the shipped
 * lists and default settings over:
 * <ul>
 *   <li>a labelled TSV ({@code id source label text}, label 1 = offensive): precision and
 *       recall for "rejected" and for "rejected or pending", false-positive rates on label 0;</li>
 *   <li>{@code --evasion}: every banned term under every evasion type, recall per type;</li>
 *   <li>{@code --benign FILE}: ordinary sentences, one per line, that must stay published.</li>
 * </ul>
 * Each row is treated as written by an established reader, since the rules about a user's
 * history or an article's mode do not apply to isolated texts. Prints {@code name: value} lines.
 */
public final class ModerationEval {

    /** The word lists and text rules as before the model, for the lines this command always printed. */
    private static final ModerationPipeline LISTS = Offline.withoutModel();
    private static final ModerationPipeline PIPELINE = Offline.defaults();

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: ModerationEval FILE.tsv | --evasion | --benign FILE");
            System.exit(2);
        }
        switch (args[0]) {
            case "--evasion" -> evasion();
            case "--benign" -> benign(Path.of(args[1]));
            case "--thresholds" -> thresholds(List.of(args).subList(1, args.length));
            case "--heap" -> heap();
            default -> labelled(Path.of(args[0]));
        }
    }

    static Decision decide(String text) {
        return PIPELINE.evaluate(Submission.of(text, Offline.ESTABLISHED, false)).decision();
    }

    /** Decisions against labels: precision and recall of "rejected" and of "rejected or pending", false alarms on label 0. */
    static final class Tally {
        long tpR, fpR, tpF, fpF, positives, negatives;

        void add(boolean offensive, Decision d) {
            boolean rejected = d == Decision.REJECT, flagged = d != Decision.PUBLISH;
            if (offensive) {
                positives++;
                tpR += rejected ? 1 : 0;
                tpF += flagged ? 1 : 0;
            } else {
                negatives++;
                fpR += rejected ? 1 : 0;
                fpF += flagged ? 1 : 0;
            }
        }

        void print(String prefix) {
            ModerationEval.print(prefix + ".rejected.precision", ratio(tpR, tpR + fpR));
            ModerationEval.print(prefix + ".rejected.recall", ratio(tpR, positives));
            ModerationEval.print(prefix + ".flagged.precision", ratio(tpF, tpF + fpF));
            ModerationEval.print(prefix + ".flagged.recall", ratio(tpF, positives));
            ModerationEval.print(prefix + ".label0.rejected_rate", ratio(fpR, negatives));
            ModerationEval.print(prefix + ".label0.flagged_rate", ratio(fpF, negatives));
        }
    }

    static void labelled(Path file) throws Exception {
        List<Example> rows = LabelledFiles.read(file);
        Tally lists = new Tally();
        Map<String, Integer> falseAlarms = new java.util.HashMap<>();
        for (Example row : rows) {
            Verdict v = LISTS.evaluate(Submission.of(row.text(), Offline.ESTABLISHED, false));
            if (!row.offensive() && v.decision() != Decision.PUBLISH) {
                v.reasons().stream().map(r -> r.rule() + (r.term() == null ? "" : "=" + r.term())).distinct()
                        .forEach(r -> falseAlarms.merge(r, 1, Integer::sum));
            }
            lists.add(row.offensive(), v.decision());
        }
        String name = file.getFileName().toString().replaceFirst("\\.tsv$", "");
        print(name + ".rows", lists.positives + lists.negatives);
        print(name + ".offensive", lists.positives);
        lists.print(name);
        model(name, rows.stream().filter(Example::heldOut).toList());
        falseAlarms.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(40)
                .forEach(e -> System.err.println("FALSE ALARM " + e.getValue() + " " + e.getKey()));
    }

    /**
     * The model alone and the whole pipeline with it, on the rows the shipped model never trained
     * on (the held-out fifth); the text as training saw it, without tweet artifacts.
     */
    static void model(String name, List<Example> test) {
        OffensiveModel model = Offline.shipped().model();
        Figures f = Figures.of(model, test);
        print(name + ".test.rows", test.size());
        print(name + ".model.macro_f1", Figures.format(f.macroF1(0.5)));
        print(name + ".model.offensive.precision", Figures.format(f.precision(0.5)));
        print(name + ".model.offensive.recall", Figures.format(f.recall(0.5)));
        Tally pipeline = new Tally();
        for (Example e : test) {
            pipeline.add(e.offensive(), PIPELINE.evaluate(Submission.of(e.cleanText(), Offline.ESTABLISHED, false)).decision());
        }
        pipeline.print(name + ".pipeline");
    }

    /**
     * Recommended thresholds from the held-out rows of the given files together: reject-at is the
     * lowest score whose rejections are at least 97 % offensive, hold-at the highest score that
     * still catches 85 % of offensive rows; each with what it costs in ordinary rows held.
     */
    static void thresholds(List<String> files) throws Exception {
        List<Example> test = new ArrayList<>();
        for (String file : files) {
            test.addAll(LabelledFiles.read(Path.of(file)).stream().filter(Example::heldOut).toList());
        }
        Figures f = Figures.of(Offline.shipped().model(), test);
        double rejectAt = f.thresholdForPrecision(0.97), holdAt = f.thresholdForRecall(0.85);
        print("thresholds.rows", f.rows());
        print("thresholds.reject_at", Figures.format(rejectAt));
        print("thresholds.reject_at.precision", Figures.format(f.precision(rejectAt)));
        print("thresholds.reject_at.recall", Figures.format(f.recall(rejectAt)));
        print("thresholds.reject_at.label0_rate", Figures.format(f.benignRate(rejectAt)));
        print("thresholds.hold_at", Figures.format(holdAt));
        print("thresholds.hold_at.recall", Figures.format(f.recall(holdAt)));
        print("thresholds.hold_at.precision", Figures.format(f.precision(holdAt)));
        print("thresholds.hold_at.label0_rate", Figures.format(f.benignRate(holdAt)));
    }

    /**
     * The model's heap: retained bytes per loaded model, measured as the growth of the used heap
     * (after collections) while 20 copies are held, and the feature buffer one scoring thread keeps.
     */
    static void heap() {
        byte[] bytes = com.hiwar.moderation.model.ShippedModel.bytes();
        long before = usedAfterGc();
        List<OffensiveModel> held = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            held.add(OffensiveModel.fromBytes(bytes));
        }
        long after = usedAfterGc();
        print("model.file_bytes", bytes.length);
        print("model.heap_bytes", (after - before) / held.size());
        long beforeScoring = usedAfterGc();
        held.get(0).score(String.join(" ", java.util.Collections.nCopies(400, "كلمة")));
        print("model.scoring_buffer_bytes_per_thread", Math.max(0, usedAfterGc() - beforeScoring));
        print("model.copies_held", held.size());
    }

    private static long usedAfterGc() {
        Runtime r = Runtime.getRuntime();
        for (int i = 0; i < 5; i++) {
            System.gc();
        }
        return r.totalMemory() - r.freeMemory();
    }

    static void benign(Path file) throws Exception {
        long rows = 0, rejected = 0, pending = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            rows++;
            Decision d = decide(line);
            if (d == Decision.REJECT) {
                rejected++;
                System.err.println("REJECTED: " + line);
            } else if (d == Decision.PENDING) {
                pending++;
                System.err.println("PENDING: " + line);
            }
        }
        print("benign.rows", rows);
        print("benign.rejected", rejected);
        print("benign.pending_rate", ratio(pending, rows));
    }

    /** Evasion types: each turns a banned term into what a reader would type to slip past a filter. */
    static Map<String, Function<String, String>> evasions() {
        Map<String, Function<String, String>> e = new LinkedHashMap<>();
        e.put("diacritics", t -> arabicOnly(t, w -> interleave(w, i -> i % 2 == 0 ? "\u064E" : "\u0651\u0650")));
        e.put("quranic_marks", t -> arabicOnly(t, w -> interleave(w, i -> "\u06DA")));
        e.put("tatweel", t -> arabicOnly(t, w -> interleave(w, i -> "\u0640\u0640")));
        e.put("repeated_letters", t -> mapWords(t, w -> w.length() < 2 ? w
                : w.substring(0, w.length() - 1) + String.valueOf(w.charAt(w.length() - 1)).repeat(4)));
        e.put("spaced_letters", t -> single(t, w -> String.join(" ", w.split(""))));
        e.put("dotted_letters", t -> single(t, w -> String.join(".", w.split(""))));
        e.put("starred_letters", t -> single(t, w -> String.join("*", w.split(""))));
        e.put("alef_hamza_forms", t -> arabicOnly(t, w -> w.replace('ا', 'أ').replace('ي', 'ئ').replace('و', 'ؤ')));
        e.put("ya_ta_marbuta", t -> arabicOnly(t, w -> w.replace('ي', 'ى').replace('ة', 'ه').replace('ه', 'ة')));
        e.put("persian_lookalikes", t -> arabicOnly(t, w -> w.replace('ي', 'ی').replace('ك', 'ک').replace('ه', 'ھ')));
        e.put("presentation_forms", t -> arabicOnly(t, ModerationEval::presentationForms));
        e.put("zero_width", t -> mapWords(t, w -> interleave(w, i -> i % 2 == 0 ? "\u200C" : "\u200B")));
        e.put("latin_homoglyphs", t -> latinOnly(t, w -> w.replace('a', 'а').replace('o', 'о').replace('e', 'е')
                .replace('c', 'с').replace('p', 'р').replace('i', 'і').replace('x', 'х')));
        e.put("case_and_width", t -> latinOnly(t, ModerationEval::fullwidthUpper));
        e.put("clitics", t -> single(t, w -> isArabic(w) ? "وال" + w : null));
        e.put("arabizi_digits", t -> isArabic(t) ? arabizi(t) : null);
        e.put("arabic_indic_digits", t -> latinOnly(t, w -> w.chars().anyMatch(Character::isDigit)
                ? w.chars().mapToObj(c -> Character.isDigit(c) ? String.valueOf((char) ('\u0660' + c - '0'))
                        : String.valueOf((char) c)).reduce("", String::concat) : null));
        return e;
    }

    static void evasion() {
        List<String> banned = WordListFiles.defaults(WordListName.BANNED);
        Map<String, long[]> perType = new LinkedHashMap<>();
        for (Map.Entry<String, Function<String, String>> type : evasions().entrySet()) {
            long[] counts = new long[2];
            for (String term : banned) {
                String variant = type.getValue().apply(term);
                if (variant == null || variant.equals(term)) {
                    continue; // the evasion does not apply to this term
                }
                counts[0]++;
                String text = "والله " + variant + " فعلا";
                if (decide(text) == Decision.REJECT) {
                    counts[1]++;
                } else {
                    System.err.println("MISSED " + type.getKey() + ": " + variant + " (" + term + ")");
                }
            }
            perType.put(type.getKey(), counts);
        }
        perType.forEach((type, c) -> {
            print("evasion." + type + ".cases", c[0]);
            print("evasion." + type + ".recall", ratio(c[1], c[0]));
        });
    }

    private static boolean isArabic(String w) {
        return w.chars().anyMatch(c -> c >= 0x0600 && c <= 0x06FF);
    }

    private static String arabicOnly(String term, Function<String, String> f) {
        return isArabic(term) ? mapWords(term, f) : null;
    }

    private static String latinOnly(String term, Function<String, String> f) {
        if (isArabic(term)) {
            return null;
        }
        String out = mapWords(term, w -> {
            String r = f.apply(w);
            return r == null ? w : r;
        });
        return out.equals(term) ? null : out;
    }

    /** Spelling letter by letter only makes sense for one word. */
    private static String single(String term, Function<String, String> f) {
        return term.contains(" ") ? null : f.apply(term);
    }

    private static String mapWords(String term, Function<String, String> f) {
        List<String> out = new ArrayList<>();
        for (String w : term.split(" ")) {
            out.add(f.apply(w));
        }
        return String.join(" ", out);
    }

    private static String interleave(String word, java.util.function.IntFunction<String> between) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < word.length(); i++) {
            b.append(word.charAt(i));
            if (i < word.length() - 1) {
                b.append(between.apply(i));
            }
        }
        return b.toString();
    }

    private static String presentationForms(String word) {
        try {
            return new ArabicShaping(ArabicShaping.LETTERS_SHAPE | ArabicShaping.TEXT_DIRECTION_LOGICAL).shape(word);
        } catch (ArabicShapingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fullwidthUpper(String word) {
        StringBuilder b = new StringBuilder();
        for (char c : word.toUpperCase(Locale.ROOT).toCharArray()) {
            b.append(c >= 'A' && c <= 'Z' ? (char) (c - 'A' + '\uFF21') : c);
        }
        return b.toString();
    }

    /** Arabizi as chat writes it, with vowels: digits for the letters Latin lacks. */
    static String arabizi(String term) {
        List<String> words = new ArrayList<>();
        boolean digit = false;
        for (String w : term.split(" ")) {
            String a = arabiziWord(w);
            digit |= a.chars().anyMatch(Character::isDigit);
            words.add(a);
        }
        return digit ? String.join(" ", words) : null; // only terms that need a letter-digit
    }

    private static String arabiziWord(String word) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            String s = switch (c) {
                case 'ا', 'أ', 'إ', 'آ' -> i == 0 ? "a" : "a";
                case 'ب' -> "b"; case 'ت' -> "t"; case 'ث' -> "th"; case 'ج' -> "g"; case 'ح' -> "7";
                case 'خ' -> "5"; case 'د' -> "d"; case 'ذ' -> "z"; case 'ر' -> "r"; case 'ز' -> "z";
                case 'س' -> "s"; case 'ش' -> "sh"; case 'ص' -> "9"; case 'ض' -> "d"; case 'ط' -> "6";
                case 'ظ' -> "z"; case 'ع' -> "3"; case 'غ' -> "gh"; case 'ف' -> "f"; case 'ق' -> "8";
                case 'ك' -> "k"; case 'ل' -> "l"; case 'م' -> "m"; case 'ن' -> "n"; case 'ه' -> "h";
                case 'و' -> "o"; case 'ي', 'ى' -> "e"; case 'ة' -> "a"; case 'ء', 'ئ', 'ؤ' -> "2";
                default -> String.valueOf(c);
            };
            b.append(s);
        }
        return b.toString();
    }

    private static String ratio(long a, long b) {
        return b == 0 ? "n/a" : String.format(Locale.ROOT, "%.4f", (double) a / b);
    }

    private static void print(String name, Object value) {
        System.out.println(name + ": " + value);
    }
}
