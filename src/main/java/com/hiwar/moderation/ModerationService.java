package com.hiwar.moderation;

import com.hiwar.audit.Audit;
import com.hiwar.auth.Actor;
import com.hiwar.comment.CommentStatus;
import com.hiwar.comment.CommentStore;
import com.hiwar.comment.Screening;
import com.hiwar.moderation.model.ModelSource;
import com.hiwar.moderation.rules.ModerationPipeline;
import com.hiwar.moderation.rules.Reason;
import com.hiwar.moderation.rules.Submission;
import com.hiwar.moderation.rules.Verdict;
import com.hiwar.moderation.site.SiteConfig;
import com.hiwar.moderation.wordlist.WordLists;
import com.hiwar.text.MatchNormalizer;
import com.hiwar.text.MatchText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Decides new and edited comments with the rule pipeline and records every decision with its
 * reasons. Runs inside the comment's transaction: a comment never exists without its decision.
 */
@ApplicationScoped
public class ModerationService implements Screening {

    private final ModerationPipeline pipeline;
    private final ModerationConfig config;
    private final CommentStore comments;
    private final Situations situations;
    private final int established;

    @Inject
    public ModerationService(ModerationConfig config, WordLists lists, ModelSource model, CommentStore comments,
                             Situations situations, SiteConfig site) {
        this.config = config;
        this.comments = comments;
        this.situations = situations;
        this.established = site.establishedComments();
        this.pipeline = Pipelines.build(config, lists::matcher, model, established);
    }

    /** The verdict, ready to be recorded against the comment it decided. */
    record Outcome(Verdict verdict, String searchText, Long modelVersion, double modelScore, Situations.Moment moment)
            implements Screened {
        public CommentStatus status() {
            return statusOf(verdict);
        }

        public List<String> rules() {
            return rulesOf(verdict);
        }

        public void record(long commentId, int version) {
            ModerationDecision.recordAutomatic(commentId, version, verdict, modelVersion, modelScore);
            recorded(commentId);
        }

        public com.hiwar.db.Jdbc.Companion recordWith() {
            return ModerationDecision.automaticWith(verdict, modelVersion, modelScore);
        }

        public void recorded(long commentId) {
            moment.record(commentId);
        }
    }

    /**
     * For an edit, also names the system as the actor of the status change this transaction
     * makes, for the audit trigger; a new comment's entry needs no declaration (the trigger reads
     * "system, create" and the rules from the row: one round trip less per POST).
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome screen(Actor actor, String articleId, boolean articlePremoderated, String body, Long commentId) {
        MatchText text = MatchNormalizer.normalize(body);
        Situations.Moment moment = situations.of(actor, articleId, articlePremoderated, text, commentId);
        Submission submission = new Submission(body, text, new DbAuthor(actor, commentId), moment);
        Verdict verdict = pipeline.evaluate(submission);
        List<String> rules = rulesOf(verdict);
        if (commentId != null) {
            Audit.actAs("system", "edit", rules.isEmpty() ? null : String.join(",", rules));
        }
        return new Outcome(verdict, submission.text().full().text(), submission.modelVersion(), submission.modelScore(), moment);
    }

    /**
     * An imported comment's verdict by its text alone, when the admin asks for imports to be
     * moderated again: the word lists, the model and the other text rules decide; rules about
     * the author and the moment see an established author on a calm day, since years of history
     * in another system say nothing about either here. Nothing is recorded yet: see {@link #recordImported}.
     */
    public ImportVerdict screenImported(String body) {
        Submission submission = Submission.of(body, IMPORTED_AUTHOR, Submission.Situation.calm(false));
        Verdict verdict = pipeline.evaluate(submission);
        return new ImportVerdict(verdict, submission.text().full().text(), submission.modelVersion(), submission.modelScore());
    }

    /**
     * What {@link #screenImported} decided: the status it gives, the rules behind it for the
     * audit log, and the normalized text it read (the comment's search text: made once).
     */
    public record ImportVerdict(Verdict verdict, String searchText, Long modelVersion, double modelScore) {
        public CommentStatus status() {
            return statusOf(verdict);
        }

        /** The audit reason of the status: the rules that decided it, as a new comment's has them. */
        public String reason() {
            return String.join(",", rulesOf(verdict));
        }
    }

    static CommentStatus statusOf(Verdict verdict) {
        return switch (verdict.decision()) {
            case PUBLISH -> CommentStatus.PUBLISHED;
            case PENDING -> CommentStatus.PENDING;
            case REJECT -> CommentStatus.REJECTED;
        };
    }

    static List<String> rulesOf(Verdict verdict) {
        return verdict.reasons().stream().map(Reason::rule).distinct().toList();
    }

    /** A verdict on the comment an import wrote with it. */
    public record Decided(long commentId, int version, ImportVerdict verdict) {}

    /** Records the verdicts on the comments an import wrote, in one batch. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordImported(List<Decided> decided) {
        ModerationDecision.recordAutomatic(decided.stream().map(d -> new ModerationDecision.Automatic(d.commentId(), d.version(),
                d.verdict().verdict(), d.verdict().modelVersion(), d.verdict().modelScore())).toList());
    }

    private static final Submission.Author IMPORTED_AUTHOR = Submission.Author.of(false, false, false, Long.MAX_VALUE, false);

    /** What the rules may ask about the author, each answered by one query at most, only when asked. */
    private final class DbAuthor implements Submission.Author {

        private final Actor actor;
        private final Long commentId;
        private Long published;

        DbAuthor(Actor actor, Long commentId) {
            this.actor = actor;
            this.commentId = commentId;
        }

        public boolean trusted() {
            return actor.trusted();
        }

        public boolean moderator() {
            return actor.isModerator();
        }

        public boolean premoderated() {
            return actor.premoderated();
        }

        /** Counted up to what any rule asks about (new-commenter, the site's pre-new), once. */
        public long publishedComments() {
            if (published == null) {
                published = comments.publishedCount(actor.userId(), Math.max(config.newCommenterPending(), established));
            }
            return published;
        }

        public String heldReason() {
            return actor.heldReason();
        }

        public boolean postedRecently(String normalizedText) {
            return comments.postedRecently(actor.userId(), normalizedText, Instant.now().minus(config.repeat().window()), commentId);
        }
    }
}
