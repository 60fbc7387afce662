package com.hiwar.moderation.wordlist;

import com.hiwar.moderation.rules.WordListName;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The text/plain list format: one term or phrase per line; blank lines and # comments are skipped. */
public final class WordListFiles {

    private WordListFiles() {}

    public static List<String> parse(String text) {
        List<String> terms = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String term = line.strip();
            if (!term.isEmpty() && !term.startsWith("#")) {
                terms.add(term);
            }
        }
        return terms;
    }

    public static List<String> defaults(WordListName list) {
        try (InputStream in = WordListFiles.class.getResourceAsStream(list.defaultResource())) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
