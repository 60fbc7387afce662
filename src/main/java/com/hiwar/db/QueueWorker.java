package com.hiwar.db;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * The shared shape of this service's outbox workers (webhook deliveries, email): one drain at a
 * time per instance, a request arriving meanwhile makes the running drain look once more, and
 * failed sends wait with exponential backoff and jitter.
 */
public final class QueueWorker {

    private final String name;
    private final Logger log;
    private final AtomicBoolean working = new AtomicBoolean();
    /** Work arrived while the worker ran: it looks once more before it stops. */
    private final AtomicBoolean again = new AtomicBoolean();

    public QueueWorker(String name, Logger log) {
        this.name = name;
        this.log = log;
    }

    /** Runs {@code drain} unless it runs already (then it runs once more after); a failure waits for the next call. */
    public void run(Runnable drain, BooleanSupplier stopping) {
        again.set(true);
        if (stopping.getAsBoolean() || !working.compareAndSet(false, true)) {
            return;
        }
        try {
            while (again.getAndSet(false) && !stopping.getAsBoolean()) {
                drain.run();
            }
        } catch (RuntimeException e) {
            log.warnf("%s paused until the next poll: %s", name, e.toString());
        } finally {
            working.set(false);
        }
    }

    /** Exponential from {@code base}, capped at {@code max}, with full jitter over its upper half so retries of one outage spread out. */
    public static Duration backoff(Duration base, Duration max, int attempts) {
        long capped = Math.min(max.toMillis(), base.toMillis() << Math.min(30, Math.max(0, attempts - 1)));
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }
}
