package com.hiwar.moderation.rules;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import com.hiwar.text.MatchNormalizer;
import com.hiwar.text.MatchText;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The word lists compiled into Aho-Corasick automata over normalized text: whole words only,
 * phrases included, one automaton for all lists so a comment is scanned once. Matching runs
 * up to three passes (the words as written, without a leading clitic, and Arabizi skeletons)
 * and reports each hit with its list and its span in the original text. Immutable: a changed
 * list makes a new matcher.
 *
 * <p>Entries are whole words, so the automaton runs over words, not letters: every word of
 * the lists gets a number, written as two characters (high half from U+1000, low half from
 * U+2000, so a match can only start on a word), and a comment's words are looked up and
 * written the same way. A word no entry contains becomes a pair no entry contains. That
 * scans about a fifth of the characters and never reports matches inside words.
 */
public final class TermMatcher {

    /** A list entry found in a text: which list, the entry as listed, the span in the original, and how it was found. */
    public record Hit(WordListName list, String entry, int start, int end, String via) {}

    // Double-array automata: a state change is two array reads, no map and no boxing per character.
    private final AhoCorasickDoubleArrayTrie<Map<WordListName, String>> words;
    private final AhoCorasickDoubleArrayTrie<Map<WordListName, String>> skeletons;
    private final Map<WordListName, Integer> sizes = new EnumMap<>(WordListName.class);
    private final Map<String, Integer> wordIds = new HashMap<>();
    private final Map<String, Integer> skeletonIds = new HashMap<>();
    private static final String UNKNOWN = "\u0001\u0002";

    public TermMatcher(Map<WordListName, ? extends Iterable<String>> lists) {
        // Each coded entry and the lists that hold it; the automata keep them as their values.
        Map<String, Map<WordListName, String>> entryOfWord = new HashMap<>();
        Map<String, Map<WordListName, String>> entryOfSkeleton = new HashMap<>();
        lists.forEach((list, entries) -> {
            int n = 0;
            for (String entry : entries) {
                String normalized = MatchNormalizer.term(entry);
                if (normalized == null) {
                    continue;
                }
                String term = define(normalized, wordIds);
                if (entryOfWord.computeIfAbsent(term, k -> new EnumMap<>(WordListName.class))
                        .putIfAbsent(list, entry.strip()) != null) {
                    continue;
                }
                n++;
                String skeleton = MatchNormalizer.skeletonTerm(normalized);
                if (skeleton != null) {
                    String key = define(skeleton, skeletonIds);
                    entryOfSkeleton.computeIfAbsent(key, k -> new EnumMap<>(WordListName.class))
                            .putIfAbsent(list, entry.strip());
                }
            }
            sizes.put(list, n);
        });
        this.words = automaton(entryOfWord);
        this.skeletons = automaton(entryOfSkeleton);
    }

    public int size(WordListName list) {
        return sizes.getOrDefault(list, 0);
    }

    public List<Hit> find(MatchText text) {
        if (words == null || text.tokens().isEmpty()) {
            return List.of();
        }
        Map<String, Hit> hits = new LinkedHashMap<>();
        List<MatchText.Token> tokens = text.tokens();
        StringBuilder full = new StringBuilder(tokens.size() * 2);
        StringBuilder stripped = new StringBuilder(tokens.size() * 2);
        boolean anyStripped = false, anyArabizi = false;
        for (MatchText.Token t : tokens) {
            int at = full.length();
            encode(full, t.full(), wordIds);
            if (t.stripped().equals(t.full())) {
                stripped.append(full, at, full.length()); // no clitic: the same code, without a second lookup
            } else {
                encode(stripped, t.stripped(), wordIds);
                anyStripped = true;
            }
            anyArabizi |= t.arabizi();
        }
        collect(text, full, words, "word", hits);
        if (anyStripped) {
            collect(text, stripped, words, "clitic", hits);
        }
        if (anyArabizi) {
            StringBuilder skeleton = new StringBuilder(tokens.size() * 2);
            for (MatchText.Token t : tokens) {
                encode(skeleton, t.skeleton(), skeletonIds);
            }
            collect(text, skeleton, skeletons, "arabizi", hits);
        }
        return new ArrayList<>(hits.values());
    }

    /** Numbers the words of an entry, and writes it as their two-character codes. */
    private static String define(String spaced, Map<String, Integer> ids) {
        StringBuilder out = new StringBuilder();
        for (String word : spaced.split(" ")) {
            int id = ids.computeIfAbsent(word, w -> ids.size());
            if (id >= 4096 * 4096) {
                throw new IllegalStateException("word lists too large to encode");
            }
            out.append((char) (0x1000 + (id >> 12))).append((char) (0x2000 + (id & 0xFFF)));
        }
        return out.toString();
    }

    private static void encode(StringBuilder out, String word, Map<String, Integer> ids) {
        Integer id = ids.get(word);
        if (id == null) {
            out.append(UNKNOWN);
        } else {
            out.append((char) (0x1000 + (id >> 12))).append((char) (0x2000 + (id & 0xFFF)));
        }
    }

    /** The automaton over these entries; null when there are none (an empty automaton cannot be built). */
    private static AhoCorasickDoubleArrayTrie<Map<WordListName, String>> automaton(
            Map<String, Map<WordListName, String>> entries) {
        if (entries.isEmpty()) {
            return null;
        }
        AhoCorasickDoubleArrayTrie<Map<WordListName, String>> trie = new AhoCorasickDoubleArrayTrie<>();
        trie.build(new TreeMap<>(entries));
        return trie;
    }

    private static void collect(MatchText text, CharSequence form, AhoCorasickDoubleArrayTrie<Map<WordListName, String>> trie,
                                String via, Map<String, Hit> hits) {
        if (trie == null) {
            return;
        }
        boolean arabizi = via.equals("arabizi");
        trie.parseText(form, (begin, end, entries) -> {
            int first = begin / 2;
            int last = (end - 1) / 2; // end is exclusive
            if (arabizi && text.tokens().subList(first, last + 1).stream().noneMatch(MatchText.Token::arabizi)) {
                return; // plain Latin words only meet Arabic entries through a letter-digit
            }
            int start = text.startOf(first), stop = text.endOf(last);
            entries.forEach((list, entry) ->
                    // The same entry at the same span counts once, whichever pass found it first.
                    hits.putIfAbsent(list + "\u0000" + entry + "\u0000" + start + ":" + stop,
                            new Hit(list, entry, start, stop, via)));
        });
    }
}
