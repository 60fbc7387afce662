package com.hiwar.moderation.surge;

import com.hiwar.auth.Actor;
import com.hiwar.comment.CommentPage;
import com.hiwar.comment.Pacing;
import com.hiwar.moderation.rules.SurgeStep;
import com.hiwar.problem.ProblemException;
import com.hiwar.ratelimit.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * What a busy article's step means for a new comment: closed refuses it, slow and held let each
 * reader comment once per the {@code comment-slow} limit (held comments then wait, by the
 * surge rule). Moderators always pass.
 */
@ApplicationScoped
class SurgeGate implements Pacing {

    @Inject
    Surges surges;

    @Inject
    RateLimiter limiter;

    @Override
    public void admit(Actor actor, String articleId) {
        SurgeStep step = surges.step(articleId);
        if (step == SurgeStep.NORMAL || actor.isModerator()) {
            return;
        }
        if (step == SurgeStep.CLOSED) {
            throw ProblemException.conflict("surge-closed", "Comments paused",
                    "This article takes no new comments for now; try again later");
        }
        try {
            limiter.check(Surges.SLOW_ACTION, new RateLimiter.Requester(actor.subject(), actor.trusted()), articleId);
        } catch (ProblemException e) {
            if (e.status() != 429) {
                throw e;
            }
            throw new ProblemException(429, "slow-mode", "Comments are slower now",
                    "This article is busy: you can comment again in " + e.headers().get("Retry-After") + " s", List.of(),
                    e.headers());
        }
    }

    @Override
    public CommentPage.Pace pace(String articleId) {
        SurgeStep step = surges.step(articleId);
        return step == SurgeStep.NORMAL ? null : new CommentPage.Pace(step.wire(), surges.waitSeconds(step));
    }
}
