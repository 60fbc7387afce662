package com.hiwar.support;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.Query;
import java.util.function.Function;

/** Direct SQL for arranging states the API cannot reach yet (or not quickly), in its own transaction. */
public final class Db {

    private Db() {}

    public static int exec(String sql, Object... params) {
        return run(sql, params, Query::executeUpdate);
    }

    public static java.util.List<?> list(String sql, Object... params) {
        return run(sql, params, Query::getResultList);
    }

    /** A comment's current version, as a moderator's decision must name it. */
    public static int version(long commentId) {
        return ((Number) scalar("select version from comments where id = ?1", commentId)).intValue();
    }

    public static Object scalar(String sql, Object... params) {
        return run(sql, params, Query::getSingleResult);
    }

    private static <T> T run(String sql, Object[] params, Function<Query, T> action) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Query query = Panache.getEntityManager().createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return action.apply(query);
        });
    }
}
