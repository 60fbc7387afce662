package com.hiwar.comment;

import com.hiwar.http.MemoryAnswers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Answers an anonymous reader from a kept page on the I/O thread, before the request is handed
 * to a worker: on a breaking story nearly every read is such a hit, and the hand-off cost more
 * than the answer. Anything else (a signed-in reader, a page not kept, a parameter that does not
 * parse) goes on to {@link CommentResource#list} as before, which gives the same bytes and headers.
 */
public class KeptPageFilter {

    /** Marks the resource method whose kept pages this filter may answer. */
    @NameBinding
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @interface Bound {}

    @Inject
    PublicPages pages;

    private final Counter served;

    @Inject
    KeptPageFilter(MeterRegistry metrics) {
        served = MemoryAnswers.counter(metrics, "comments");
    }

    @Bound
    @ServerRequestFilter(nonBlocking = true)
    public Response fromMemory(ContainerRequestContext request, HttpHeaders headers) {
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            return null; // a reader's own view, or a token to refuse: both are the resource's
        }
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        Integer limit;
        try {
            String raw = query.getFirst("limit");
            limit = raw == null ? null : Integer.valueOf(raw);
        } catch (NumberFormatException e) {
            return null;
        }
        String articleId = request.getUriInfo().getPathParameters().getFirst("articleId");
        PublicPages.Rendered page = pages.kept(articleId, query.getFirst("sort"), limit, query.getFirst("cursor"));
        if (page == null) {
            return null;
        }
        served.increment();
        return pages.response(headers, articleId, page);
    }
}
