package com.hiwar.email;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "hiwar.email")
public interface EmailConfig {

    /** Whether readers may opt in and messages are sent; needs the mailer's SMTP settings and a signing key. */
    @WithDefault("false")
    boolean enabled();

    /** The publisher's name, in subjects and signatures. */
    @WithDefault("Hiwar")
    String siteName();

    /** Where this service is reached from outside, for unsubscribe links. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    /** Signs unsubscribe links (HMAC-SHA256); the same on every instance, and kept, or old links stop working. */
    Optional<String> signingKey();

    /** At most this many messages to one reader in any hour; more wait. */
    @WithDefault("10")
    int hourlyCap();

    /** Digests go out once a day, each reader's a day after their last. */
    @WithDefault("24h")
    Duration digestEvery();

    @WithDefault("2s")
    Duration pollInterval();

    @WithDefault("20")
    int batchSize();

    /** How long a worker holds a message it sends; after a crash another instance sends it when this runs out. */
    @WithDefault("60s")
    Duration lease();

    @WithDefault("30s")
    Duration retryBase();

    @WithDefault("1h")
    Duration retryMax();

    /** How long sent, cancelled and dead messages are kept (the hourly cap needs the last hour's). */
    @WithDefault("30d")
    Duration retention();

    /** A message the SMTP server keeps refusing this long after it was queued is marked dead. */
    @WithDefault("24h")
    Duration giveUpAfter();
}
