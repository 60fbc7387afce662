package com.hiwar.moderation.surge;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/** The autopilot's time: the system clock, which tests move forward to cross windows and calm periods at once. */
@ApplicationScoped
public class SurgeClock {

    private volatile long offsetMillis;

    public Instant now() {
        return Instant.now().plusMillis(offsetMillis);
    }

    public void advance(Duration by) {
        offsetMillis += by.toMillis();
    }
}
