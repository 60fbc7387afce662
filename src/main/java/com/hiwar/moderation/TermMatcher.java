package com.hiwar.moderation;

import com.hiwar.text.MatchNormalizer;
import com.hiwar.text.MatchText;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;

/**
 * The word lists compiled into Aho-Corasick automata over normalized text: whole words only,
 * phrases included, one automaton for all lists so a comment is scanned once. Matching runs
 * up to three passes (the words as written, without a leading clitic, and Arabizi skeletons)
 * and reports each hit with its list and its span in the original text. Immutable: a changed
 * list makes a new matcher.
 */
public final class TermMatcher {

    /** A list entry found in a text: which list, the entry as listed, the span in the original, and how it was found. */
    public record Hit(WordListName list, String entry, int start, int end, String via) {}

    private final Trie words;
    private final Trie skeletons;
    private final Map<String, Map<WordListName, String>> entryOfWord = new HashMap<>();
    private final Map<String, Map<WordListName, String>> entryOfSkeleton = new HashMap<>();
    private final Map<WordListName, Integer> sizes = new EnumMap<>(WordListName.class);

    public TermMatcher(Map<WordListName, ? extends Iterable<String>> lists) {
        Trie.TrieBuilder words = Trie.builder().onlyWholeWordsWhiteSpaceSeparated();
        Trie.TrieBuilder skeletons = Trie.builder().onlyWholeWordsWhiteSpaceSeparated();
        lists.forEach((list, entries) -> {
            int n = 0;
            for (String entry : entries) {
                String term = MatchNormalizer.term(entry);
                if (term == null || entryOfWord.computeIfAbsent(term, k -> new EnumMap<>(WordListName.class))
                        .putIfAbsent(list, entry.strip()) != null) {
                    continue;
                }
                n++;
                words.addKeyword(term);
                String skeleton = MatchNormalizer.skeletonTerm(term);
                if (skeleton != null) {
                    entryOfSkeleton.computeIfAbsent(skeleton, k -> new EnumMap<>(WordListName.class))
                            .putIfAbsent(list, entry.strip());
                    skeletons.addKeyword(skeleton);
                }
            }
            sizes.put(list, n);
        });
        this.words = words.build();
        this.skeletons = skeletons.build();
    }

    public int size(WordListName list) {
        return sizes.getOrDefault(list, 0);
    }

    public List<Hit> find(MatchText text) {
        if (entryOfWord.isEmpty() || text.tokens().isEmpty()) {
            return List.of();
        }
        Map<String, Hit> hits = new LinkedHashMap<>();
        collect(text, text.full(), words, entryOfWord, "word", hits);
        if (!text.stripped().text().equals(text.full().text())) {
            collect(text, text.stripped(), words, entryOfWord, "clitic", hits);
        }
        if (text.tokens().stream().anyMatch(MatchText.Token::arabizi)) {
            collect(text, text.skeleton(), skeletons, entryOfSkeleton, "arabizi", hits);
        }
        return new ArrayList<>(hits.values());
    }

    private static void collect(MatchText text, MatchText.Form form, Trie trie,
                                Map<String, Map<WordListName, String>> entries, String via, Map<String, Hit> hits) {
        boolean arabizi = form == text.skeleton();
        for (Emit emit : trie.parseText(form.text())) {
            int first = form.tokenAt(emit.getStart());
            int last = form.tokenAt(emit.getEnd());
            if (arabizi && text.tokens().subList(first, last + 1).stream().noneMatch(MatchText.Token::arabizi)) {
                continue; // plain Latin words only meet Arabic entries through a letter-digit
            }
            int start = text.startOf(first), end = text.endOf(last);
            entries.get(emit.getKeyword()).forEach((list, entry) ->
                    // The same entry at the same span counts once, whichever pass found it first.
                    hits.putIfAbsent(list + "\u0000" + entry + "\u0000" + start + ":" + end,
                            new Hit(list, entry, start, end, via)));
        }
    }
}
