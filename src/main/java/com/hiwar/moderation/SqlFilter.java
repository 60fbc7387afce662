package com.hiwar.moderation;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.Query;
import java.util.HashMap;
import java.util.Map;

/** A native query's optional conditions: each added only when its value is given, bound by name. */
final class SqlFilter {

    private final StringBuilder sql;
    private final Map<String, Object> params = new HashMap<>();

    SqlFilter(String base) {
        this.sql = new StringBuilder(base);
    }

    /** Appends {@code and condition} binding {@code value} to {@code :name}, unless the value is null. */
    SqlFilter and(String condition, String name, Object value) {
        if (value != null) {
            sql.append(" and ").append(condition);
            params.put(name, value);
        }
        return this;
    }

    /** As {@link #and(String, String, Object)} for a condition on two values, added when the first is given. */
    SqlFilter and(String condition, String name, Object value, String name2, Object value2) {
        if (value != null) {
            and(condition, name, value);
            params.put(name2, value2);
        }
        return this;
    }

    SqlFilter append(String text) {
        sql.append(text);
        return this;
    }

    SqlFilter bind(String name, Object value) {
        params.put(name, value);
        return this;
    }

    Query query(Class<?> resultType) {
        Query q = resultType == null ? Panache.getEntityManager().createNativeQuery(sql.toString())
                : Panache.getEntityManager().createNativeQuery(sql.toString(), resultType);
        params.forEach(q::setParameter);
        return q;
    }
}
