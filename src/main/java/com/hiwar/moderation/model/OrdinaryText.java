package com.hiwar.moderation.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Formal Arabic that is nobody's insult: 23,744 lines people wrote for software and the Universal
 * Declaration of Human Rights (bench/ordinary-text.sh). Every training run adds them as "not
 * offensive". The labelled sets are tweets, where formal, political vocabulary leans offensive;
 * without these rows the model held one ordinary news sentence in six at the threshold that
 * catches four offensive tweets in five. They are never evaluation rows.
 */
public final class OrdinaryText {

    public static final String RESOURCE = "/moderation/ordinary-text.txt.gz";
    public static final String SOURCE = "ordinary-text";

    private static volatile List<Example> examples;

    private OrdinaryText() {}

    public static List<Example> examples() {
        List<Example> e = examples;
        if (e == null) {
            examples = e = read();
        }
        return e;
    }

    private static List<Example> read() {
        try (InputStream in = OrdinaryText.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build: run bench/ordinary-text.sh");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
            List<Example> out = new ArrayList<>();
            for (String line; (line = lines.readLine()) != null; ) {
                out.add(new Example(SOURCE, Integer.toString(out.size()), line, false));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
