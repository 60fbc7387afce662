package com.hiwar.demo;

import com.hiwar.problem.ProblemException;
import com.hiwar.ratelimit.RateLimiter;
import io.quarkus.arc.profile.IfBuildProfile;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtSignatureBuilder;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Mints tokens for the demo personas, standing in for the publisher's login.
 * Built only into dev and test builds: a prod jar has no such endpoint (see the packaged-jar test).
 */
@IfBuildProfile(anyOf = {"dev", "test"})
@Path("/dev/sign-in")
@Tag(name = "Dev only")
public class DevSignInResource {

    /** The demo personas: a reader and a moderator, each with a stable subject. */
    static final Map<String, Persona> PERSONAS = Map.of(
            "reader", new Persona("demo-reader", "قارئة تجريبية", Set.of()),
            "reader2", new Persona("demo-reader-2", "Demo Reader", Set.of()),
            "moderator", new Persona("demo-moderator", "مشرف تجريبي", Set.of("moderator")),
            "admin", new Persona("demo-admin", "مدير تجريبي", Set.of("moderator", "admin")));

    record Persona(String subject, String name, Set<String> groups) {}

    public record DevToken(String token, String subject, String name, Set<String> groups, Instant expiresAt) {}

    @Inject
    DemoConfig config;

    @Inject
    RateLimiter limiter;

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @ConfigProperty(name = "mp.jwt.verify.audiences")
    Set<String> audiences;

    @POST
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Sign in as a demo persona: reader, reader2, moderator or admin (dev profile only)")
    public DevToken signIn(@RestQuery("as") String as) {
        limiter.checkAnonymous("dev-sign-in");
        Persona persona = PERSONAS.get(as == null ? "reader" : as);
        if (persona == null) {
            throw ProblemException.invalid("as", "must be one of " + String.join(", ", PERSONAS.keySet()));
        }
        Instant now = Instant.now();
        Instant expires = now.plus(config.tokenLifetime());
        JwtSignatureBuilder builder = Jwt.issuer(issuer)
                .audience(audiences)
                .subject(persona.subject())
                .claim("name", persona.name())
                .groups(persona.groups())
                .issuedAt(now)
                .expiresAt(expires)
                .jws();
        config.keyId().ifPresent(builder::keyId);
        String key = config.privateKeyLocation()
                .orElseThrow(() -> new IllegalStateException("hiwar.demo.private-key-location is not set"));
        return new DevToken(builder.sign(key), persona.subject(), persona.name(), persona.groups(), expires);
    }
}
