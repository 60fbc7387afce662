package com.hiwar.db;

import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.List;

/**
 * One row of a native query, read by column name instead of position: the query is created with
 * {@code Tuple.class}, and each getter converts whatever type the driver chose.
 */
public record Row(Tuple tuple) {

    /** The rows of a native query created with {@code createNativeQuery(sql, Tuple.class)}. */
    @SuppressWarnings("unchecked")
    public static List<Row> all(Query query) {
        return ((List<Tuple>) query.getResultList()).stream().map(Row::new).toList();
    }

    public Object get(String column) {
        return tuple.get(column);
    }

    public long number(String column) {
        return Rows.count(get(column));
    }

    public int integer(String column) {
        return (int) number(column);
    }

    /** Null stays null (a nullable reference). */
    public Long id(String column) {
        Object v = get(column);
        return v == null ? null : ((Number) v).longValue();
    }

    public String text(String column) {
        return (String) get(column);
    }

    public boolean flag(String column) {
        return Boolean.TRUE.equals(get(column));
    }

    public Instant instant(String column) {
        return Rows.instant(get(column));
    }
}
