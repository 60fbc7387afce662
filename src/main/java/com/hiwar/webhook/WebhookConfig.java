package com.hiwar.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "hiwar.webhooks")
public interface WebhookConfig {

    /** Whether this instance's worker delivers; events are recorded either way. */
    @WithDefault("true")
    boolean deliver();

    /** How often an idle worker looks for due deliveries. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Deliveries one worker takes at a time, and sends at once. */
    @WithDefault("20")
    int batchSize();

    /** How long a receiver may take to answer. */
    @WithDefault("5s")
    Duration timeout();

    /** How long a worker holds a delivery it is sending; past it, another instance's worker may take it. */
    @WithDefault("30s")
    Duration lease();

    /** The first retry's delay; each later one doubles it, up to {@code retry-max}, with random jitter. */
    @WithDefault("5s")
    Duration retryBase();

    @WithDefault("1h")
    Duration retryMax();

    /** A delivery still failing this long after its event is marked dead (it can be replayed by hand). */
    @WithDefault("24h")
    Duration giveUpAfter();

    /** How long events whose deliveries are all settled (delivered or dead) are kept, with their attempts, for admins to look into. */
    @WithDefault("30d")
    Duration retention();

    /** After a secret rotation, how long the previous secret keeps signing beside the new one. */
    @WithDefault("24h")
    Duration secretGrace();

    /**
     * Hosts (names or addresses) an endpoint may use although they are inside the network
     * (loopback, private, link-local), and which may use plain http. Everything else must be a
     * public https address.
     */
    Optional<List<String>> allowedHosts();

    QueueAlert queueAlert();

    /** When the moderation queue is alarming enough for a {@code queue.alert} event. */
    interface QueueAlert {
        /** Pending comments at or past which the queue alerts. */
        @WithDefault("100")
        long pending();

        /** The oldest pending comment's wait at or past which the queue alerts. */
        @WithDefault("30m")
        Duration oldest();

        /** At most one alert per this window, across all instances. */
        @WithDefault("15m")
        Duration cooldown();

        /** How often each instance looks. */
        @WithDefault("1m")
        Duration every();
    }
}
