package com.hiwar.db;

import com.hiwar.problem.ProblemException;
import java.util.List;

/** The shared idioms of keyset pages: the limit check, and fetching one row more to know whether more follow. */
public final class Paging {

    private Paging() {}

    /** A page's items and whether another page follows. */
    public record Slice<T>(List<T> items, boolean more) {}

    /** The requested page size: {@code fallback} when absent, a 400 problem outside 1..max. */
    public static int size(Integer limit, int fallback, int max) {
        if (limit == null) {
            return fallback;
        }
        if (limit < 1 || limit > max) {
            throw ProblemException.badParameter("limit", "must be between 1 and " + max);
        }
        return limit;
    }

    /** {@code rows} were fetched with a limit of size + 1: the extra row only says that more follow. */
    public static <T> Slice<T> slice(List<T> rows, int size) {
        return rows.size() > size ? new Slice<>(rows.subList(0, size), true) : new Slice<>(rows, false);
    }
}
