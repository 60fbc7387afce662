package com.hiwar.auth;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.smallrye.jwt.util.ResourceUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * Settings that would leave the service open, or locked, without a word: refuse to start and
 * say what to set.
 * <ul>
 * <li>SmallRye silently skips the issuer and audience checks when they are not configured; a
 *     comment service that accepts any issuer's tokens is open to anyone.</li>
 * <li>A PEM file holds one key, and SmallRye reads it as the first listed algorithm's key type:
 *     with several algorithms listed, or the wrong one, every valid token is refused with
 *     nothing in the log.</li>
 * <li>The dev and test profiles trust keys and origins meant for a laptop; a packaged jar never
 *     runs them.</li>
 * </ul>
 */
@ApplicationScoped
class JwtSettingsCheck {

    static final List<String> REQUIRED = List.of(
            "mp.jwt.verify.publickey.location", "mp.jwt.verify.issuer", "mp.jwt.verify.audiences");
    static final String ALGORITHMS = "mp.jwt.verify.publickey.algorithm";

    void onStart(@Observes StartupEvent event, Config config) {
        refuseLaptopProfilesWhenPackaged();
        boolean inlineKey = isSet(config, "mp.jwt.verify.publickey");
        List<String> missing = REQUIRED.stream()
                .filter(key -> !(inlineKey && key.endsWith(".location")))
                .filter(key -> !isSet(config, key))
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Hiwar refuses to start without token verification settings: "
                    + missing.stream().map(JwtSettingsCheck::env).collect(Collectors.joining(", ")));
        }
        config.getOptionalValue("mp.jwt.verify.publickey.location", String.class)
                .ifPresent(location -> checkPemAlgorithm(location,
                        config.getOptionalValue(ALGORITHMS, String.class).orElse("RS256")));
    }

    private static void refuseLaptopProfilesWhenPackaged() {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            List<String> profiles = ConfigUtils.getProfiles().stream()
                    .filter(p -> p.equals("dev") || p.equals("test")).toList();
            if (!profiles.isEmpty()) {
                throw new IllegalStateException("Hiwar refuses to run the " + profiles + " profile from a packaged build:"
                        + " it trusts development keys and any origin. Unset QUARKUS_PROFILE (or quarkus.profile)"
                        + " and configure production settings; use ./mvnw quarkus:dev for development");
            }
        }
    }

    /** A PEM public key must be named by exactly its own algorithm. JWKS and URLs carry their own types. */
    static void checkPemAlgorithm(String location, String algorithms) {
        if (location.startsWith("http")) {
            return;
        }
        String content;
        try {
            content = ResourceUtils.readResource(location);
        } catch (Exception e) {
            content = null;
        }
        if (content == null) {
            throw new IllegalStateException("Hiwar cannot read the token verification key at " + location
                    + " (MP_JWT_VERIFY_PUBLICKEY_LOCATION): give a readable PEM file, a JWKS file or an https URL");
        }
        if (!content.contains("-----BEGIN PUBLIC KEY-----")) {
            return; // a JWKS, a certificate or a single JWK: SmallRye reads each key's own type
        }
        String family = keyFamily(content);
        Set<String> fitting = family.equals("RSA") ? Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512")
                : Set.of("ES256", "ES384", "ES512");
        List<String> listed = List.of(algorithms.strip().split("\\s*,\\s*"));
        if (listed.size() != 1 || !fitting.contains(listed.get(0))) {
            String wanted = family.equals("RSA") ? "RS256" : "ES256";
            throw new IllegalStateException("The token verification key at " + location + " is a single " + family
                    + " PEM key, but " + env(ALGORITHMS) + " is " + algorithms + ": SmallRye would refuse every token."
                    + " Set MP_JWT_VERIFY_PUBLICKEY_ALGORITHM=" + wanted + " (the algorithm your login signs with),"
                    + " or publish a JWKS instead of a PEM");
        }
    }

    private static String keyFamily(String pem) {
        String base64 = pem.substring(pem.indexOf("-----BEGIN PUBLIC KEY-----") + 26);
        base64 = base64.substring(0, base64.indexOf("-----END")).replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(base64);
        for (String family : List.of("RSA", "EC")) {
            try {
                KeyFactory.getInstance(family).generatePublic(new X509EncodedKeySpec(der));
                return family;
            } catch (Exception notThisFamily) {
                // try the next
            }
        }
        throw new IllegalStateException("The token verification key is neither an RSA nor an EC public key");
    }

    private static String env(String key) {
        return key + " (" + key.toUpperCase().replace('.', '_').replace('-', '_') + ")";
    }

    private static boolean isSet(Config config, String key) {
        return config.getOptionalValue(key, String.class).filter(v -> !v.isBlank()).isPresent();
    }
}
