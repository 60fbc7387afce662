package com.hiwar.demo;

import io.quarkus.arc.profile.IfBuildProfile;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import com.hiwar.problem.ProblemException;

/** The demo article a newcomer opens at http://localhost:8080/ after starting dev mode. */
@IfBuildProfile(anyOf = {"dev", "test"})
@Path("/")
@Tag(name = "Dev only")
public class DemoPageResource {

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @GET
    @PermitAll
    @Operation(summary = "Demo Arabic article with the comment box (dev profile only)")
    public Response page() {
        return asset("index.html", "text/html; charset=utf-8");
    }

    @GET
    @Path("demo/{file: [a-z-]+\\.(js|css)}")
    @PermitAll
    @Operation(hidden = true)
    public Response file(@RestPath String file) {
        return asset(file, file.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8");
    }

    private static Response asset(String name, String type) {
        try (InputStream in = DemoPageResource.class.getResourceAsStream("/demo/" + name)) {
            if (in == null) {
                throw ProblemException.notFound("File", name);
            }
            return Response.ok(in.readAllBytes(), type)
                    .header("Content-Security-Policy", CSP)
                    .header("Cache-Control", "no-cache")
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read demo asset " + name, e);
        }
    }
}
