package com.hiwar.moderation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every automatic moderation rule's settings; each rule can be switched off. */
@ConfigMapping(prefix = "hiwar.moderation")
public interface ModerationConfig {

    /** New commenters: comments wait for review until this many of theirs are published; 0 turns it off. */
    @WithDefault("1")
    int newCommenterPending();

    Terms terms();

    Links links();

    Contact contact();

    Repeat repeat();

    Shouting shouting();

    Model model();

    interface Terms {
        /** Banned terms reject, suspect terms hold for review. */
        @WithDefault("true")
        boolean enabled();
    }

    interface Links {
        @WithDefault("true")
        boolean enabled();

        /** Domains (and their subdomains) that may be linked freely, e.g. the publisher's own. */
        Optional<List<String>> allowedDomains();
    }

    interface Contact {
        @WithDefault("true")
        boolean enabled();

        /** Digits (in any script, separators allowed) that make a phone number. */
        @WithDefault("8")
        int minPhoneDigits();
    }

    interface Repeat {
        @WithDefault("true")
        boolean enabled();

        /** The same text from the same user within this window is withheld. */
        @WithDefault("24h")
        Duration window();
    }

    interface Shouting {
        @WithDefault("true")
        boolean enabled();

        /** Latin capitals: at least this many letters... */
        @WithDefault("12")
        int minLetters();

        /** ...of which at least this share are capitals. */
        @WithDefault("0.8")
        double capitalShare();

        /** The same word this many times or more. */
        @WithDefault("6")
        int maxWordRepeats();

        /** The same ! or ? this many times in a row (!!!!!!!!). */
        @WithDefault("8")
        int maxPunctuationRun();
    }

    interface Model {
        /** The learned offensive-language model, one rule next to the word lists. */
        @WithDefault("true")
        boolean enabled();

        /** At or above this score a comment is rejected (held instead for trusted authors and moderators). */
        @WithDefault("0.68")
        double rejectAt();

        /** At or above this score a comment waits for a moderator. */
        @WithDefault("0.48")
        double holdAt();
    }
}
