package com.hiwar.signal;

import io.quarkus.redis.datasource.RedisDataSource;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * One owner's change announcements on a Redis channel. Each announcement heard runs the owner's
 * reload on a thread of its own, one at a time, never on the Redis event loop. Redis being away
 * is logged, not thrown: owners also check their version on a schedule, which catches whatever
 * was announced meanwhile.
 */
public final class Announcements {

    private static final Logger LOG = Logger.getLogger(Announcements.class);

    private final RedisDataSource redis;
    private final String channel;
    private final ExecutorService reloads;

    public Announcements(RedisDataSource redis, String channel, String threadName) {
        this.redis = redis;
        this.channel = channel;
        this.reloads = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code reload} after every announcement on the channel, from any instance. */
    public void listen(Runnable reload) {
        listen(message -> reload.run());
    }

    /** The same, for an owner that reloads only what the announcement names. */
    public void listen(java.util.function.Consumer<String> reload) {
        try {
            redis.pubsub(String.class).subscribe(channel, message -> reloads.execute(() -> reload.accept(message)));
        } catch (RuntimeException e) {
            LOG.warnf("Cannot subscribe to %s (%s); relying on the scheduled version check", channel, e.getMessage());
        }
    }

    public void announce(String message) {
        try {
            redis.pubsub(String.class).publish(channel, message);
        } catch (RuntimeException e) {
            LOG.warnf("Could not announce %s on %s (%s); other instances pick it up at their next version check",
                    message, channel, e.getMessage());
        }
    }
}
