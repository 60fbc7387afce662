package com.hiwar.article;

import com.hiwar.http.Conditional;
import com.hiwar.http.MemoryAnswers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Answers a listing page's counts on the I/O thread when every one is cached, before the request
 * is handed to a worker: the hand-off cost more than the answer. A miss, or a list that does not
 * parse, goes on to {@link CountsResource}, which gives the same bytes and headers.
 */
public class CountsFromMemory {

    /** Marks the resource method this filter may answer. */
    @NameBinding
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @interface Bound {}

    @Inject
    ArticleCounts counts;

    @Inject
    CountsConfig config;

    @Inject
    Conditional conditional;

    private final Counter served;

    @Inject
    CountsFromMemory(MeterRegistry metrics) {
        served = MemoryAnswers.counter(metrics, "counts");
    }

    @Bound
    @ServerRequestFilter(nonBlocking = true)
    public Response fromMemory(ContainerRequestContext request, HttpHeaders headers) {
        Map<String, Integer> cached = counts.cached(request.getUriInfo().getQueryParameters().getFirst("articles"));
        if (cached == null) {
            return null;
        }
        served.increment();
        return conditional.ok(headers, cached, config.maxAge());
    }
}
