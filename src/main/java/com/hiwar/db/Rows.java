package com.hiwar.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reading values out of native query rows, whatever type the driver chose for them. */
public final class Rows {

    private Rows() {}

    public static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    public static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
