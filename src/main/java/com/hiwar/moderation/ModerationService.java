package com.hiwar.moderation;

import com.hiwar.moderation.wordlist.WordLists;
import com.hiwar.moderation.rules.ModerationPipeline;
import com.hiwar.moderation.rules.Reason;
import com.hiwar.moderation.rules.Verdict;
import com.hiwar.moderation.rules.Submission;
import com.hiwar.audit.Audit;
import com.hiwar.auth.Actor;
import com.hiwar.auth.User;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Decides new and edited comments with the rule pipeline and records every decision with its
 * reasons. Runs inside the comment's transaction: a comment never exists without its decision.
 */
@ApplicationScoped
public class ModerationService {

    private final ModerationPipeline pipeline;
    private final ModerationConfig config;

    @Inject
    public ModerationService(ModerationConfig config, WordLists lists) {
        this.config = config;
        this.pipeline = Pipelines.build(config, lists::matcher);
    }

    /** The pipeline's verdict and the body normalized for moderator search. */
    public record Outcome(Verdict verdict, String searchText) {}

    /**
     * {@code commentId} is the comment being edited (its own text is not a repeat), or null for
     * a new one. Also names the system as the actor of the status change this transaction makes,
     * for the audit trigger.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome decide(Actor actor, boolean articlePremoderated, String body, Long commentId) {
        Submission submission = Submission.of(body, new DbAuthor(actor, commentId), articlePremoderated);
        Verdict verdict = pipeline.evaluate(submission);
        Audit.actAs("system", commentId == null ? "create" : "edit",
                verdict.reasons().stream().map(Reason::rule).distinct().reduce((a, b) -> a + "," + b).orElse(null));
        return new Outcome(verdict, submission.text().full().text());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(long commentId, int version, Verdict verdict) {
        ModerationDecision.automatic(commentId, version, verdict).persist();
    }

    /** What the rules may ask about the author, each answered by one query at most, only when asked. */
    private final class DbAuthor implements Submission.Author {

        private final Actor actor;
        private final Long commentId;

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
            User user = User.findById(actor.userId());
            return user != null && user.premoderated;
        }

        public long publishedComments() {
            return ((Number) Panache.getEntityManager().createNativeQuery("""
                    select count(*) from (select 1 from comments
                    where author_id = :a and status = 'published' limit :n) c""")
                    .setParameter("a", actor.userId())
                    .setParameter("n", config.newCommenterPending())
                    .getSingleResult()).longValue();
        }

        public boolean postedRecently(String normalizedText) {
            // comments.search_text holds each body normalized the same way, so this is one lookup.
            return !Panache.getEntityManager().createNativeQuery("""
                    select 1 from comments
                    where author_id = :a and created_at > :since and status <> 'deleted' and id <> :self
                      and search_text = :text
                    limit 1""")
                    .setParameter("a", actor.userId())
                    .setParameter("since", Instant.now().minus(config.repeat().window()))
                    .setParameter("self", commentId == null ? -1L : commentId)
                    .setParameter("text", normalizedText)
                    .getResultList().isEmpty();
        }
    }
}
