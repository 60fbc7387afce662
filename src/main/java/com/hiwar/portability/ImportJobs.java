package com.hiwar.portability;

import com.hiwar.db.Jdbc;
import io.vertx.core.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The import_jobs table: a job's state and what it did so far, written as it goes. */
public final class ImportJobs {

    /** What an admin sees of a job. {@code reasons}: why rows were skipped or failed, with how many each. */
    public record View(long id, String format, String state, double progress, Map<String, Object> options, String startedBy,
                       Instant createdAt, Instant updatedAt, Instant finishedAt, long read, long created, long skipped,
                       long failed, long articles, long users, Map<String, Object> restored, Map<String, Object> reasons,
                       List<Object> failures, String error) {}

    /** What a running job has done: kept in memory by its runner and written at every batch. */
    static final class Tally {
        long read, created, skipped, failed, articles, users;
        /** What a restore of a Hiwar export brought back besides comments. */
        long likes, reports, decisions;
        double progress;
        final Map<String, Long> reasons = new java.util.TreeMap<>();
        final List<Map<String, String>> failures = new java.util.ArrayList<>();

        void skip(String reason, long n) {
            if (n > 0) {
                skipped += n;
                reasons.merge(reason, n, Long::sum);
            }
        }

        void fail(String sourceId, String reason) {
            failed++;
            reasons.merge(reason, 1L, Long::sum);
            if (failures.size() < 50) {
                failures.add(Map.of("sourceId", sourceId, "reason", reason));
            }
        }
    }

    private ImportJobs() {}

    static long create(String format, Map<String, Object> options, String by) {
        return Jdbc.list("insert into import_jobs (format, state, options, started_by) values (?, 'running', cast(? as jsonb), ?) returning id",
                s -> {
                    s.setString(1, format);
                    s.setString(2, Json.encode(options));
                    s.setString(3, by);
                }, r -> r.getLong(1)).get(0);
    }

    /** The tally so far; {@code state} 'done' or 'failed' finishes the job. */
    static void write(long id, Tally t, String state, String error) {
        Jdbc.update("""
                update import_jobs set state = ?, read = ?, created = ?, skipped = ?, failed = ?, articles = ?, users = ?,
                       reasons = cast(? as jsonb), failures = cast(? as jsonb), error = ?, updated_at = now(),
                       restored = jsonb_build_object('likes', ?::bigint, 'reports', ?::bigint, 'decisions', ?::bigint),
                       options = options || jsonb_build_object('progress', ?::float8),
                       finished_at = case when ? = 'running' then null else now() end
                where id = ?""", s -> {
            s.setString(1, state);
            s.setLong(2, t.read);
            s.setLong(3, t.created);
            s.setLong(4, t.skipped);
            s.setLong(5, t.failed);
            s.setLong(6, t.articles);
            s.setLong(7, t.users);
            s.setString(8, Json.encode(t.reasons));
            s.setString(9, Json.encode(t.failures));
            s.setString(10, error);
            s.setLong(11, t.likes);
            s.setLong(12, t.reports);
            s.setLong(13, t.decisions);
            s.setDouble(14, t.progress);
            s.setString(15, state);
            s.setLong(16, id);
        });
    }

    static Optional<View> find(long id) {
        return Jdbc.list("select * from import_jobs where id = ?", s -> s.setLong(1, id), ImportJobs::view).stream().findFirst();
    }

    static List<View> recent(int n) {
        return Jdbc.list("select * from import_jobs order by created_at desc, id desc limit ?", s -> s.setInt(1, n), ImportJobs::view);
    }

    /** Jobs whose instance stopped mid-way: nothing will finish them (importing the file again does). */
    static int failAbandoned(java.time.Duration after) {
        return Jdbc.update("""
                update import_jobs set state = 'failed', finished_at = now(),
                       error = 'abandoned: the instance running it stopped; import the same file again to finish it (nothing is imported twice)'
                where state = 'running' and updated_at < now() - cast(? as interval)""", s -> s.setString(1, after.toSeconds() + " seconds"));
    }

    @SuppressWarnings("unchecked")
    private static View view(java.sql.ResultSet r) throws java.sql.SQLException {
        Map<String, Object> options = new java.util.LinkedHashMap<>(Json.decodeValue(r.getString("options"), Map.class));
        Object progress = options.remove("progress");
        String state = r.getString("state");
        return new View(r.getLong("id"), r.getString("format"), state,
                "done".equals(state) ? 1.0 : progress instanceof Number n ? n.doubleValue() : 0.0, options,
                r.getString("started_by"), Jdbc.instant(r, "created_at"), Jdbc.instant(r, "updated_at"), Jdbc.instant(r, "finished_at"),
                r.getLong("read"), r.getLong("created"), r.getLong("skipped"), r.getLong("failed"), r.getLong("articles"),
                r.getLong("users"), Json.decodeValue(r.getString("restored"), Map.class), Json.decodeValue(r.getString("reasons"), Map.class), Json.decodeValue(r.getString("failures"), List.class),
                r.getString("error"));
    }
}
