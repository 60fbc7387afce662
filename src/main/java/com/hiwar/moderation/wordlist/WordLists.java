package com.hiwar.moderation.wordlist;

import com.hiwar.moderation.rules.TermMatcher;
import com.hiwar.moderation.rules.WordListName;
import com.hiwar.problem.Problem;
import com.hiwar.problem.ProblemException;
import com.hiwar.signal.Announcements;
import com.hiwar.text.MatchNormalizer;
import com.hiwar.text.TextSanitizer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The word lists, stored in PostgreSQL and compiled into matchers held by every instance.
 * A change bumps the list's version and is announced on a Redis channel, so every instance
 * rebuilds at once; a version check every 30 s catches any announcement lost while Redis was away.
 */
@ApplicationScoped
public class WordLists {

    public static final String CHANNEL = "hiwar:wordlists";
    static final int MAX_TERMS = 50_000;
    static final int MAX_TERM_LENGTH = 200;

    private static final Logger LOG = Logger.getLogger(WordLists.class);

    /** The lists compiled together, and the versions they were compiled from. */
    record Compiled(Map<WordListName, Long> versions, TermMatcher matcher) {}

    public record Summary(String list, long version, int terms) {}

    // Replaced whole on a change: request threads always see one consistent matcher.
    private volatile Compiled compiled = new Compiled(Map.of(), new TermMatcher(Map.of()));
    private Announcements announcements;

    @Inject
    RedisDataSource redis;

    void start(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (WordListName list : WordListName.values()) {
                if (WordList.seedIfAbsent(list, WordListFiles.defaults(list))) {
                    LOG.infof("Seeded the %s word list with its defaults", list.id());
                }
            }
        });
        refresh();
        announcements = new Announcements(redis, CHANNEL, "wordlist-rebuild");
        announcements.listen(this::refresh);
    }

    public TermMatcher matcher() {
        return compiled.matcher();
    }

    public long version(WordListName list) {
        return compiled.versions().getOrDefault(list, 0L);
    }

    /** Rebuilds the matcher when a stored list version differs from the compiled one. */
    @Scheduled(every = "30s", delayed = "30s")
    synchronized void refresh() {
        Map<WordListName, Long> versions = new EnumMap<>(WordListName.class);
        Map<WordListName, List<String>> terms = new EnumMap<>(WordListName.class);
        QuarkusTransaction.requiringNew().run(() -> {
            Map<String, Long> stored = WordList.versions();
            for (WordListName list : WordListName.values()) {
                versions.put(list, stored.getOrDefault(list.id(), 0L));
            }
            if (!versions.equals(compiled.versions())) {
                for (WordListName list : WordListName.values()) {
                    terms.put(list, WordList.terms(list));
                }
            }
        });
        if (!terms.isEmpty()) {
            compiled = new Compiled(versions, new TermMatcher(terms));
            LOG.infof("Word lists compiled: banned v%d (%d terms), suspect v%d (%d terms)",
                    versions.get(WordListName.BANNED), terms.get(WordListName.BANNED).size(),
                    versions.get(WordListName.SUSPECT), terms.get(WordListName.SUSPECT).size());
        }
    }

    public List<String> terms(WordListName list) {
        return QuarkusTransaction.requiringNew().call(() -> WordList.terms(list));
    }

    public Summary summary(WordListName list) {
        Compiled c = compiled;
        return new Summary(list.id(), c.versions().getOrDefault(list, 0L), c.matcher().size(list));
    }

    /**
     * Replaces a list. {@code expectedVersion}, when given, must match (optimistic locking for
     * two admins editing at once). Every line is checked first; nothing changes if one is bad.
     */
    public Summary replace(WordListName list, String text, Long expectedVersion, String by) {
        List<String> terms = validate(text);
        long version = QuarkusTransaction.requiringNew().call(() -> {
            WordList header = WordList.findById(list.id(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (expectedVersion != null && header.version != expectedVersion) {
                throw new ProblemException(412, "stale-version", "Stale version",
                        "The " + list.id() + " list is at version " + header.version + ", you edited version " + expectedVersion);
            }
            WordList.replaceTerms(list, terms);
            header.version++;
            header.updatedAt = Instant.now();
            header.updatedBy = by;
            return header.version;
        });
        refresh();
        announcements.announce(list.id() + ":" + version);
        return summary(list);
    }

    static List<String> validate(String text) {
        String[] lines = (text == null ? "" : text).split("\\R");
        LinkedHashSet<String> terms = new LinkedHashSet<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String term = lines[i].strip();
            int line = i + 1;
            if (term.isEmpty() || term.startsWith("#")) {
                continue;
            }
            try {
                String clean = TextSanitizer.clean(term, "line " + line, 1, MAX_TERM_LENGTH);
                if (MatchNormalizer.term(clean) == null) {
                    errors.add(new Problem.FieldError("line " + line, "«" + term + "» has no letters or digits to match"));
                } else {
                    terms.add(clean);
                }
            } catch (ProblemException e) {
                errors.add(new Problem.FieldError("line " + line, e.getMessage()));
            }
            if (errors.size() >= 20) {
                break;
            }
        }
        if (terms.size() > MAX_TERMS) {
            errors.add(new Problem.FieldError("body", "at most " + MAX_TERMS + " terms per list"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "validation", "Invalid word list",
                    errors.size() + " line(s) refused; nothing was changed", errors, Map.of());
        }
        return new ArrayList<>(terms);
    }
}
