package com.hiwar.moderation.rules;

import com.hiwar.text.MatchNormalizer;
import com.hiwar.text.MatchText;
import java.util.List;

/**
 * A comment being decided: its text (as stored, and normalized for matching) and what the
 * rules may ask about its author and article. Author facts are looked up lazily, so a text
 * rejected outright costs no queries; word list hits are computed once and shared by the
 * rules that read them.
 */
public final class Submission {

    private final String body;
    private final MatchText text;
    private final Author author;
    private final Situation situation;
    private TermMatcher matched;
    private List<TermMatcher.Hit> hits;
    private Long modelVersion;
    private double modelScore = Double.NaN;

    public Submission(String body, MatchText text, Author author, Situation situation) {
        this.body = body;
        this.text = text;
        this.author = author;
        this.situation = situation;
    }

    public static Submission of(String body, Author author, Situation situation) {
        return new Submission(body, MatchNormalizer.normalize(body), author, situation);
    }

    /** A comment on an ordinary day: the site post-moderated, the article calm, no campaign. */
    public static Submission of(String body, Author author, boolean articlePremoderated) {
        return of(body, author, Situation.calm(articlePremoderated));
    }

    public String body() {
        return body;
    }

    public MatchText text() {
        return text;
    }

    public Author author() {
        return author;
    }

    public boolean articlePremoderated() {
        return situation.articlePremoderated();
    }

    public Situation situation() {
        return situation;
    }

    /** Word list hits in this text, scanned once per matcher. */
    List<TermMatcher.Hit> hits(TermMatcher matcher) {
        if (matcher != matched) {
            hits = matcher.find(text);
            matched = matcher;
        }
        return hits;
    }

    void scored(long version, double score) {
        modelVersion = version;
        modelScore = score;
    }

    /** The model version that scored this text, or null when no model ran. */
    public Long modelVersion() {
        return modelVersion;
    }

    /** The model's score, NaN when no model ran. */
    public double modelScore() {
        return modelScore;
    }

    /** What rules may ask about the author. */
    public interface Author {
        /** Token claim "trusted": true, or a moderator's grant: soft rules are skipped. */
        boolean trusted();

        boolean moderator();

        /** Set by a moderator: every comment of this user waits for review. */
        boolean premoderated();

        /** Comments of this user that are published (approved or passed automatically). */
        long publishedComments();

        /** Whether this user posted the same text (compared normalized) recently. */
        boolean postedRecently(String normalizedText);

        /** Why their comments are held until a moderator approves one (their history), or null. */
        default String heldReason() {
            return null;
        }

        /** An author known by these facts alone (nothing to look up). */
        static Author of(boolean trusted, boolean moderator, boolean premoderated, long published, boolean repeats) {
            return new Author() {
                public boolean trusted() {
                    return trusted;
                }

                public boolean moderator() {
                    return moderator;
                }

                public boolean premoderated() {
                    return premoderated;
                }

                public long publishedComments() {
                    return published;
                }

                public boolean postedRecently(String normalizedText) {
                    return repeats;
                }
            };
        }
    }

    /** What rules may ask about where and when the comment is written: the site, the article, the crowd. */
    public interface Situation {
        boolean articlePremoderated();

        SiteMode siteMode();

        /** The article's surge step now. */
        SurgeStep surgeStep();

        /** Whether this comment joins a coordinated campaign that holds its new members; asked lazily. */
        boolean inHoldingCampaign();

        static Situation calm(boolean articlePremoderated) {
            return new Situation() {
                public boolean articlePremoderated() {
                    return articlePremoderated;
                }

                public SiteMode siteMode() {
                    return SiteMode.POST;
                }

                public SurgeStep surgeStep() {
                    return SurgeStep.NORMAL;
                }

                public boolean inHoldingCampaign() {
                    return false;
                }
            };
        }
    }
}
