package com.hiwar.idempotency;

import com.hiwar.auth.Actor;
import com.hiwar.idempotency.Idempotency.Result;
import com.hiwar.ratelimit.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/**
 * The path every reader write takes: a retry with a known Idempotency-Key replays the first
 * answer without spending a rate-limit token; a new write passes the limiter, then runs. A
 * write names its rate-limit action here (configured as {@code hiwar.ratelimit.actions.<action>}).
 */
@ApplicationScoped
public class Writes {

    @Inject
    Idempotency idempotency;

    @Inject
    RateLimiter limiter;

    /**
     * @param action    the rate-limit action, e.g. "comment-create"
     * @param operation what is done and to what ("like 42"), so a key reused elsewhere is a different request
     * @param articleId the article, for the per-article limit; null when the write has none
     */
    public Response run(Actor actor, String action, String articleId, String idempotencyKey,
                        String operation, Object request, Supplier<Result> write) {
        return idempotency.once(actor.subject(), idempotencyKey, operation, request,
                () -> limiter.check(action, requester(actor), articleId), write);
    }

    /** For writes that are idempotent by their method (PUT, DELETE): only the limit. */
    public void limit(Actor actor, String action) {
        limiter.check(action, requester(actor), null);
    }

    private static RateLimiter.Requester requester(Actor actor) {
        return new RateLimiter.Requester(actor.subject(), actor.trusted() || actor.isModerator());
    }
}
