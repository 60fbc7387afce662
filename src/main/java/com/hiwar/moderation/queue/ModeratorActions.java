package com.hiwar.moderation.queue;

import com.hiwar.article.ArticleService;
import com.hiwar.auth.Actor;
import com.hiwar.comment.CommentStore;
import com.hiwar.moderation.ModerationDecision;
import com.hiwar.problem.Problem;
import com.hiwar.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * Moderators' decisions on comments. Each names the version it was made on and runs under a
 * row lock: a stale version is refused, so of two moderators deciding at once exactly one
 * wins and no decision is applied twice. Every status change lands in the audit log through
 * the database trigger, with the moderator as actor.
 */
@ApplicationScoped
public class ModeratorActions {

    /** In the order the dashboard offers them (keys 1 to 7). */
    public static final List<String> REJECT_REASONS =
            List.of("spam", "abuse", "hate", "harassment", "off-topic", "personal-data", "other");
    static final int MAX_BULK = 100;

    public record DecisionRequest(Long id, String action, String reason, Integer version) {}

    /** One bulk item's outcome: the comment after the decision, or the problem that stopped it. */
    public record BulkResult(long id, int status, QueueItem comment, Problem problem) {}

    @Inject
    ModerationQueue queue;

    @Inject
    CommentStore comments;

    @Inject
    ArticleService articles;

    /** A moderator's decision, within their desks. */
    @Transactional
    public QueueItem decide(long id, DecisionRequest request, Actor moderator) {
        String article = comments.eventRow(id).map(CommentStore.EventRow::articleId)
                .orElseThrow(() -> ProblemException.notFound("Comment", id));
        moderator.requireDesk(articles.sectionOf(article));
        return decide(id, request, moderator.subject());
    }

    @Transactional
    QueueItem decide(long id, DecisionRequest request, String moderator) {
        CommentStore.ModeratorAction action = CommentStore.ModeratorAction.parse(request.action())
                .orElseThrow(() -> ProblemException.invalid("action", "must be approve, reject, feature, unfeature or restore"));
        if (request.version() == null) {
            throw ProblemException.invalid("version", "is required: the comment version you decided on");
        }
        String reason = request.reason();
        if (action == CommentStore.ModeratorAction.REJECT && (reason == null || !REJECT_REASONS.contains(reason))) {
            throw ProblemException.invalid("reason", "reject needs one of " + String.join(", ", REJECT_REASONS));
        }
        CommentStore.CommentRef c = comments.moderate(id, request.version(), action, moderator, reason);
        ModerationDecision.byModerator(c.id(), c.version(), action.wire(), reason, moderator);
        return queue.items(List.of(c.id())).get(0);
    }

    /** Each item in its own transaction: one failing item does not undo the others. */
    public List<BulkResult> decideAll(List<DecisionRequest> requests, Actor moderator) {
        if (requests == null || requests.isEmpty() || requests.size() > MAX_BULK) {
            throw ProblemException.invalid("items", "send 1 to " + MAX_BULK + " decisions");
        }
        List<BulkResult> results = new ArrayList<>();
        for (DecisionRequest r : requests) {
            if (r == null || r.id() == null) {
                results.add(new BulkResult(-1, 422, null, ProblemException.invalid("id", "is required").toProblem(null)));
                continue;
            }
            try {
                QueueItem item = QuarkusTransaction.requiringNew().call(() -> decide(r.id(), r, moderator));
                results.add(new BulkResult(r.id(), 200, item, null));
            } catch (ProblemException e) {
                results.add(new BulkResult(r.id(), e.status(), null, e.toProblem(null)));
            }
        }
        return results;
    }
}
