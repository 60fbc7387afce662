package com.hiwar.db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import jakarta.persistence.PersistenceException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Statements straight on the pool, mapped by hand, for the hot paths only (a page read, a new
 * comment): a Hibernate query and managed entities (snapshots, dirty tracking) cost several
 * times what PostgreSQL spent on the rows. Inside a transaction the pool hands out the
 * transaction's own connection, so these statements see its writes, commit with it, and run
 * when called (Hibernate's own writes wait for a flush: flush first when it matters). The SQL text
 * is fixed, with lists bound as one array, so the driver keeps one server-side prepared statement
 * per statement.
 */
public final class Jdbc {

    private Jdbc() {}

    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    public interface Mapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    public static <T> List<T> list(String sql, Binder binder, Mapper<T> mapper) {
        return run(sql, binder, statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rows.next()) {
                    out.add(mapper.map(rows));
                }
                return out;
            }
        });
    }

    /** An insert, update or delete; the rows it touched. */
    public static int update(String sql, Binder binder) {
        return run(sql, binder, PreparedStatement::executeUpdate);
    }

    /**
     * Each row's first column, a text, handed on as it is read: a cursor of 1,000 rows at a time,
     * so a table of any size streams. Needs a transaction (a cursor lives in one).
     */
    public static long lines(String sql, java.util.function.Consumer<String> each) {
        return run(sql, s -> s.setFetchSize(1000), statement -> {
            long n = 0;
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    each.accept(rows.getString(1));
                    n++;
                }
            }
            return n;
        });
    }

    @FunctionalInterface
    public interface RowBinder<T> {
        void bind(PreparedStatement statement, T row) throws SQLException;
    }

    /** One statement run for every row in one round trip per batch; what each touched, in order. */
    public static <T> int[] batch(String sql, List<T> rows, RowBinder<T> binder) {
        return run(sql, s -> {
            for (T row : rows) {
                binder.bind(s, row);
                s.addBatch();
            }
        }, PreparedStatement::executeBatch);
    }

    /**
     * Another package's SQL carried in one's own statement, so both take one round trip: a write
     * made with an insert, as a data-modifying common table expression that reads the rows the
     * insert wrote from the relation {@code written} (the insert's returned columns); or a query
     * asked along, as a subquery. Its parameters follow the host statement's, from {@code first}
     * on. Each package still writes only its own tables' SQL.
     */
    public interface Companion {
        String sql();

        void bind(PreparedStatement statement, int first) throws SQLException;
    }

    private interface Execution<T> {
        T execute(PreparedStatement statement) throws SQLException;
    }

    private static <T> T run(String sql, Binder binder, Execution<T> execution) {
        try (Connection connection = Arc.container().instance(AgroalDataSource.class).get().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            return execution.execute(statement);
        } catch (SQLException e) {
            throw new PersistenceException("Statement failed: " + sql, e);
        }
    }

    /** A bigint[] parameter, for {@code = any(?)}. */
    public static Array ids(PreparedStatement statement, Collection<Long> ids) throws SQLException {
        return statement.getConnection().createArrayOf("bigint", ids.toArray());
    }

    /** A text[] parameter, for {@code = any(?)} or an array column. */
    public static Array texts(PreparedStatement statement, Collection<String> values) throws SQLException {
        return statement.getConnection().createArrayOf("text", values.toArray());
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp at = row.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    /** Null stays null. */
    public static Long id(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
