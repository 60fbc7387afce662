package com.hiwar.db;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.Query;
import java.util.HashMap;
import java.util.Map;

/** A native query's optional conditions: each added only when its value is given, bound by name. */
public final class SqlFilter {

    private final StringBuilder sql;
    private final Map<String, Object> params = new HashMap<>();

    public SqlFilter(String base) {
        this.sql = new StringBuilder(base);
    }

    /** Appends {@code and condition} binding {@code value} to {@code :name}, unless the value is null. */
    public SqlFilter and(String condition, String name, Object value) {
        if (value != null) {
            sql.append(" and ").append(condition);
            params.put(name, value);
        }
        return this;
    }

    /** As {@link #and(String, String, Object)} for a condition on two values, added when the first is given. */
    public SqlFilter and(String condition, String name, Object value, String name2, Object value2) {
        if (value != null) {
            and(condition, name, value);
            params.put(name2, value2);
        }
        return this;
    }

    public SqlFilter append(String text) {
        sql.append(text);
        return this;
    }

    public SqlFilter bind(String name, Object value) {
        params.put(name, value);
        return this;
    }

    public Query query(Class<?> resultType) {
        Query q = resultType == null ? Panache.getEntityManager().createNativeQuery(sql.toString())
                : Panache.getEntityManager().createNativeQuery(sql.toString(), resultType);
        params.forEach(q::setParameter);
        return q;
    }
}
