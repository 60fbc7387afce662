package com.hiwar.demo;

import io.quarkus.arc.profile.IfBuildProfile;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import com.hiwar.http.StaticAssets;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** The demo article a newcomer opens at http://localhost:8080/ after starting dev mode. */
@IfBuildProfile(anyOf = {"dev", "test"})
@Path("/")
@Tag(name = "Dev only")
public class DemoPageResource {

    @GET
    @PermitAll
    @Operation(summary = "Demo Arabic article with the comment widget (dev profile only)")
    public Response page(@Context HttpHeaders headers) {
        return StaticAssets.serve(headers, "demo/index.html", "no-cache");
    }

    @GET
    @Path("demo/{file: [a-z-]+\\.(js|css|html)}")
    @PermitAll
    @Operation(hidden = true)
    public Response file(@RestPath String file, @Context HttpHeaders headers) {
        return StaticAssets.serve(headers, "demo/" + file, "no-cache");
    }
}
