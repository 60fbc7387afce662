package com.hiwar.support;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.Query;
import java.util.function.Function;

/** Direct SQL for arranging states the API cannot reach yet (or not quickly), in its own transaction. */
public final class Db {

    private Db() {}

    /**
     * Runs a write; one to the users or articles table also drops the copies the service keeps of
     * them, as their owners' writes do.
     */
    public static int exec(String sql, Object... params) {
        int rows = run(sql, params, Query::executeUpdate);
        if (sql.matches("(?is).*\\busers\\b.*")) {
            io.quarkus.arc.Arc.container().instance(com.hiwar.auth.KeptUsers.class).get().forgetAll();
        }
        if (sql.matches("(?is).*\\barticles\\b.*")) {
            io.quarkus.arc.Arc.container().instance(com.hiwar.article.KeptArticles.class).get().forgetAll();
        }
        return rows;
    }

    public static java.util.List<?> list(String sql, Object... params) {
        return run(sql, params, Query::getResultList);
    }

    /** A comment's current version, as a moderator's decision must name it. */
    public static int version(long commentId) {
        return ((Number) scalar("select version from comments where id = ?1", commentId)).intValue();
    }

    /** Waits up to 10 s for a background job (an erasure) to remove the user row. */
    public static void awaitUserGone(long userId) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (((Number) scalar("select count(*) from users where id = ?1", userId)).longValue() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("erasure of user " + userId + " did not finish");
            }
            Thread.sleep(100);
        }
    }

    public static long userId(String subject) {
        return ((Number) scalar("select id from users where subject = ?1", subject)).longValue();
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
