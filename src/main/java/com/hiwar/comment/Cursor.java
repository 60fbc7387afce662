package com.hiwar.comment;

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
            Instant at = Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS);
            return new Cursor(expectedOrder, at, Long.parseLong(parts[2]), scored ? Long.parseLong(parts[3]) : 0);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new ProblemException(400, "bad-cursor", "Invalid cursor",
                    "The cursor is malformed or belongs to another sort order; start again without it");
        }
    }
}
