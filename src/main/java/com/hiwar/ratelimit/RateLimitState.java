package com.hiwar.ratelimit;

import jakarta.enterprise.context.RequestScoped;

/** The limiter's decision for this request, so a successful response can carry the quota left. */
@RequestScoped
class RateLimitState {

    private Gcra.Decision decision;

    void record(Gcra.Decision decision) {
        this.decision = decision;
    }

    Gcra.Decision decision() {
        return decision;
    }
}
