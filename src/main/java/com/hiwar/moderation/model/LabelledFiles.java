package com.hiwar.moderation.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Labelled TSV files: header {@code id source label text}, label 1 = offensive. */
public final class LabelledFiles {

    public static final String HEADER = "id\tsource\tlabel\ttext";

    private LabelledFiles() {}

    public static List<Example> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IOException(file + ": expected the header id<TAB>source<TAB>label<TAB>text");
        }
        List<Example> examples = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", 4);
            if (f.length == 4 && (f[2].equals("0") || f[2].equals("1"))) {
                examples.add(new Example(f[1], f[0], f[3], f[2].equals("1")));
            }
        }
        return examples;
    }

    /** Every {@code *.tsv} in a directory, in name order so training sees the same sequence everywhere. */
    public static List<Example> readAll(Path directory) throws IOException {
        List<Example> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".tsv")).sorted().toList()) {
                all.addAll(read(f));
            }
        }
        return all;
    }
}
