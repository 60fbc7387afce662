package com.hiwar.moderation;

import com.hiwar.moderation.model.ActiveModel;
import com.hiwar.moderation.model.ShippedModel;
import com.hiwar.moderation.rules.ModerationPipeline;
import com.hiwar.moderation.rules.Submission;
import com.hiwar.moderation.rules.TermMatcher;
import com.hiwar.moderation.rules.WordListName;
import com.hiwar.moderation.wordlist.WordListFiles;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Map;

/**
 * The pipeline without a running service: default settings (from ModerationConfig's own
 * defaults), the shipped word lists and model, and an author whose history the caller chooses.
 * Used by the rule tests, the evaluation command and the benchmark.
 */
public final class Offline {

    private Offline() {}

    /** Defaults, then {@code -Dhiwar.moderation...} system properties (the evaluation's what-ifs), then the overrides. */
    public static ModerationConfig config(Map<String, String> overrides) {
        Map<String, String> values = new java.util.HashMap<>();
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("hiwar.moderation."))
                .forEach(k -> values.put(k, System.getProperty(k)));
        values.putAll(overrides);
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(ModerationConfig.class)
                .withConverter(java.time.Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter())
                .withDefaultValues(values)
                .build();
        return config.getConfigMapping(ModerationConfig.class);
    }

    public static ModerationPipeline pipeline(ModerationConfig config, List<String> banned, List<String> suspect) {
        TermMatcher lists = new TermMatcher(Map.of(WordListName.BANNED, banned, WordListName.SUSPECT, suspect));
        return Pipelines.build(config, () -> lists, Offline::shipped, 3);
    }

    private static ActiveModel shipped;

    /** The model that ships in the jar, as version 1. */
    public static synchronized ActiveModel shipped() {
        if (shipped == null) {
            shipped = new ActiveModel(1, ShippedModel.load());
        }
        return shipped;
    }

    /** The shipped lists, the shipped model and default settings. */
    public static ModerationPipeline defaults() {
        return pipeline(config(Map.of()), WordListFiles.defaults(WordListName.BANNED),
                WordListFiles.defaults(WordListName.SUSPECT));
    }

    /** The word lists and text rules alone, the model off: what the rule tests and the lists' figures are about. */
    public static ModerationPipeline withoutModel() {
        return pipeline(config(Map.of("hiwar.moderation.model.enabled", "false")),
                WordListFiles.defaults(WordListName.BANNED), WordListFiles.defaults(WordListName.SUSPECT));
    }

    /** An established reader: published before, not trusted, not pre-moderated, never repeating. */
    public static final Submission.Author ESTABLISHED = author(false, false, false, 100, false);

    public static Submission.Author author(boolean trusted, boolean moderator, boolean premoderated, long published,
                                           boolean repeats) {
        return Submission.Author.of(trusted, moderator, premoderated, published, repeats);
    }
}
