package com.hiwar.db;

import com.hiwar.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * A keyset position: the (created_at, id) of the last item served, plus the order it was
 * served in. Opaque to clients; a page stays exact while comments are added around it.
 * Used by the reader API and by the moderation queues.
 */
public record Cursor(char order, Instant createdAt, long id, long score) {

    /** Orders whose position carries a score (likes) before the time. */
    private static final String SCORED = "t";

    /** 9999-12-31T23:59:59.999999Z: every position a real item can have, well inside PostgreSQL's range. */
    private static final long MAX_MICROS = 253_402_300_799_999_999L;

    public Cursor(char order, Instant createdAt, long id) {
        this(order, createdAt, id, 0);
    }

    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
        String raw = order + "." + micros + "." + id + (SCORED.indexOf(order) >= 0 ? "." + score : "");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    public static Cursor decode(String token, char expectedOrder) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII).split("\\.");
            boolean scored = SCORED.indexOf(expectedOrder) >= 0;
            if (parts.length != (scored ? 4 : 3) || parts[0].length() != 1 || parts[0].charAt(0) != expectedOrder) {
                throw new IllegalArgumentException();
            }
            long micros = Long.parseLong(parts[1]);
            long id = Long.parseLong(parts[2]);
            long score = scored ? Long.parseLong(parts[3]) : 0;
            // Out of PostgreSQL's range a value would fail the query ("timestamp out of range"), not the cursor.
            if (micros < 0 || micros > MAX_MICROS || id < 0 || score < 0 || score > Integer.MAX_VALUE) {
                throw new IllegalArgumentException();
            }
            return new Cursor(expectedOrder, Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id, score);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new ProblemException(400, "bad-cursor", "Invalid cursor",
                    "The cursor is malformed or belongs to another sort order; start again without it");
        }
    }
}
