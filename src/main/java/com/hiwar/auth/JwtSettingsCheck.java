package com.hiwar.auth;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * SmallRye silently skips the issuer and audience checks when they are not configured.
 * A comment service that accepts any issuer's tokens is open to anyone: refuse to start.
 */
@ApplicationScoped
public class JwtSettingsCheck {

    static final List<String> REQUIRED = List.of(
            "mp.jwt.verify.publickey.location", "mp.jwt.verify.issuer", "mp.jwt.verify.audiences");

    void onStart(@Observes StartupEvent event, Config config) {
        boolean inlineKey = isSet(config, "mp.jwt.verify.publickey");
        List<String> missing = REQUIRED.stream()
                .filter(key -> !(inlineKey && key.endsWith(".location")))
                .filter(key -> !isSet(config, key))
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Hiwar refuses to start without token verification settings: "
                    + missing.stream().map(k -> k + " (" + k.toUpperCase().replace('.', '_') + ")")
                    .collect(Collectors.joining(", ")));
        }
    }

    private static boolean isSet(Config config, String key) {
        return config.getOptionalValue(key, String.class).filter(v -> !v.isBlank()).isPresent();
    }
}
