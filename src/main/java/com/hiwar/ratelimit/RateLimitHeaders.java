package com.hiwar.ratelimit;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Successful limited requests tell the client its remaining quota (IETF RateLimit headers). */
public class RateLimitHeaders {

    @Inject
    RateLimitState state;

    @ServerResponseFilter
    public void addHeaders(ContainerResponseContext response) {
        Gcra.Decision decision = state.decision();
        if (decision != null && decision.allowed()) {
            response.getHeaders().putSingle("RateLimit-Policy", RateLimiter.policy(decision));
            response.getHeaders().putSingle("RateLimit", RateLimiter.remaining(decision));
        }
    }
}
