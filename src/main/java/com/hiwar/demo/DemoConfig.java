package com.hiwar.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of the dev-only demo; the beans that read them do not exist in a prod build. */
@ConfigMapping(prefix = "hiwar.demo")
public interface DemoConfig {

    /** PEM private key that signs demo tokens; its public half must be what mp.jwt.verify trusts. */
    Optional<String> privateKeyLocation();

    /** {@code kid} header of demo tokens, when the verifier holds a JWKS. */
    Optional<String> keyId();

    @WithDefault("8h")
    Duration tokenLifetime();
}
