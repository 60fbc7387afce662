package com.hiwar.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Quarkus REST answers some failures itself, without consulting exception mappers: a JSON
 * body that does not parse, for one, becomes a bare 400. This gives every such empty error
 * response the same problem+json body that {@link ProblemMapper} gives everything else.
 */
public class ProblemResponseFilter {

    @ServerResponseFilter
    public void fillEmptyErrors(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || response.hasEntity()) {
            return;
        }
        Response problem = ProblemMapper.forStatus(status, request.getUriInfo());
        response.setEntity(problem.getEntity(), null, jakarta.ws.rs.core.MediaType.valueOf(Problem.MEDIA_TYPE));
    }
}
