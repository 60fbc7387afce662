package com.hiwar.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The one meter of every read answered from memory on the I/O thread, one series per endpoint. */
public final class MemoryAnswers {

    private MemoryAnswers() {}

    public static Counter counter(MeterRegistry metrics, String endpoint) {
        return Counter.builder("hiwar.memory.answers").tag("endpoint", endpoint)
                .description("Reads answered from memory on the I/O thread, without a worker or the database")
                .register(metrics);
    }
}
