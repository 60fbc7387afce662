package com.hiwar.article;

import com.hiwar.http.Conditional;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** Comment counts for listing pages: one request per page, whatever the number of articles. */
@Path("/api/v1/counts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Counts")
public class CountsResource {

    @Inject
    ArticleCounts counts;

    @Inject
    CountsConfig config;

    @Inject
    Conditional conditional;

    @GET
    @PermitAll
    @CountsFromMemory.Bound
    @APIResponse(responseCode = "200", description = "A map from article id to its published comment count (0 when unknown)")
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "400", description = "No ids, more than 100, or an invalid id")
    public Response counts(@RestQuery @Parameter(description = "Up to 100 article ids, comma-separated") String articles,
                           @Context HttpHeaders headers) {
        return conditional.ok(headers, counts.counts(articles), config.maxAge());
    }
}
