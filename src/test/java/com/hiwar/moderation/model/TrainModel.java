package com.hiwar.moderation.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Trains the shipped model (bench/train-model.sh): the training part of every labelled file in a
 * directory, fixed settings and seed, so the same data gives the same bytes. Prints the figures on
 * each file's held-out part and the model's SHA-256.
 *   TrainModel DATA_DIR OUT_FILE [c offensiveWeight bits minGram maxGram [smoothing]]
 */
public final class TrainModel {

    static boolean validation(Example e) {
        return Math.floorMod((e.source() + "/" + e.id()).hashCode() * 0x85EBCA6B, 4) == 0;
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Trainer.Settings d = Trainer.Settings.DEFAULT;
        Trainer.Settings settings = args.length > 2
                ? new Trainer.Settings(new Features.Spec(Integer.parseInt(args[4]), Integer.parseInt(args[5]),
                        Integer.parseInt(args[6])), Double.parseDouble(args[2]), Double.parseDouble(args[3]),
                        args.length > 7 ? Double.parseDouble(args[7]) : d.smoothing(), d.seed())
                : d;
        List<Example> all = LabelledFiles.readAll(data);
        List<Example> train = all.stream().filter(e -> !e.heldOut()).toList();
        java.util.function.Predicate<Example> tested = Example::heldOut;
        if (System.getenv("VALIDATE") != null) { // choose settings on a slice of the training part, never on the test part
            all = train;
            train = all.stream().filter(e -> !validation(e)).toList();
            tested = TrainModel::validation;
        }
        train = new java.util.ArrayList<>(train);
        train.addAll(OrdinaryText.examples());
        long start = System.nanoTime();
        OffensiveModel model = Trainer.train(train, settings);
        System.out.printf("trained: %d rows in %.1f s, settings %s%n", train.size(), (System.nanoTime() - start) / 1e9, settings);
        Map<String, List<Example>> test = new TreeMap<>(all.stream().filter(tested)
                .collect(Collectors.groupingBy(Example::source)));
        test.put("all", all.stream().filter(tested).toList());
        StringBuilder json = new StringBuilder("{\n  \"trainedOn\": " + train.size() + ",\n  \"settings\": \"" + settings
                + "\",\n  \"heldOut\": {");
        String comma = "\n";
        for (Map.Entry<String, List<Example>> e : test.entrySet()) {
            Figures f = Figures.of(model, e.getValue());
            System.out.printf("test.%s: rows %d, macro_f1 %s, precision %s, recall %s%n", e.getKey(), e.getValue().size(),
                    Figures.format(f.macroF1(0.5)), Figures.format(f.precision(0.5)), Figures.format(f.recall(0.5)));
            json.append(comma).append(String.format(java.util.Locale.ROOT,
                    "    \"%s\": {\"rows\": %d, \"macroF1\": %s, \"precision\": %s, \"recall\": %s}", e.getKey(),
                    e.getValue().size(), Figures.format(f.macroF1(0.5)), Figures.format(f.precision(0.5)),
                    Figures.format(f.recall(0.5))));
            comma = ",\n";
        }
        json.append("\n  }\n}\n");
        if (!args[1].equals("-")) {
            byte[] bytes = model.toBytes();
            Files.write(Path.of(args[1]), bytes);
            Files.writeString(Path.of(args[1].replaceFirst("\\.bin$", "") + ".json"), json);
            System.out.printf("model: %s, %d bytes, sha256 %s%n", args[1], bytes.length,
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        }
    }
}
