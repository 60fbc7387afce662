package com.hiwar.live;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "hiwar.live")
public interface LiveConfig {

    /**
     * The announcement channel every instance listens on, and the prefix of each article's own
     * channel ({@code <channel>:{articleId}}); one per deployment sharing a Redis.
     */
    @WithDefault("hiwar:live")
    String channel();

    /**
     * How article channels are carried: {@code sharded} (SSUBSCRIBE/SPUBLISH, Redis 7 and later:
     * on a cluster only the node owning the article's slot carries its events), {@code classic},
     * or {@code auto}, which asks the server for its version.
     */
    @WithDefault("auto")
    PubSub pubsub();

    enum PubSub { AUTO, SHARDED, CLASSIC }

    /** Open streams per instance; past it, new ones get a 503 problem with Retry-After. */
    @WithDefault("5000")
    int maxConnections();

    /**
     * Open streams per client address (IPv6: per /64) across all instances, counted in Redis;
     * past it, a 429 problem. Readers behind one carrier or office NAT share an address: keep
     * it well above the few tabs one reader opens.
     */
    @WithDefault("100")
    int maxPerClient();

    /** Comment lines sent on idle streams, so proxies and load balancers keep them open. */
    @WithDefault("15s")
    Duration heartbeat();

    /** Events kept per article for readers reconnecting with Last-Event-ID. */
    @WithDefault("1000")
    int history();

    /** How long an article's history outlives its last event. */
    @WithDefault("24h")
    Duration historyTtl();

    /** Most events replayed on reconnect; a reader further behind is told to refetch. */
    @WithDefault("200")
    int maxCatchUp();

    /** At most one like-count event per comment per this interval (the first at once, the last at its end). */
    @WithDefault("1s")
    Duration likeCoalesce();

    /** Reconnection delay suggested to browsers (the SSE retry field). */
    @WithDefault("3s")
    Duration retry();

    /**
     * On shutdown every stream is told to reconnect after the retry delay plus a random share of
     * this, so the readers of a stopping instance arrive at the others spread out, not at once.
     */
    @WithDefault("5s")
    Duration drainSpread();
}
