package com.hiwar.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hiwar.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Makes a POST safe to retry (IETF httpapi Idempotency-Key draft). The key's record is written
 * in the write's own transaction, so a crash leaves either both or neither. The same key with
 * the same request replays the first response; with another request it is refused (422); while
 * the first is still running, a second gets 409 at once instead of waiting on a lock.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private static final Logger LOG = Logger.getLogger(Idempotency.class);
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    /** A write's result, as it will be sent and, under a key, stored. */
    public record Result(int status, String location, Object entity) {
        public static Result created(String location, Object entity) {
            return new Result(201, location, entity);
        }

        public static Result ok(Object entity) {
            return new Result(200, null, entity);
        }

        public static Result accepted(String location, Object entity) {
            return new Result(202, location, entity);
        }
    }

    @Inject
    ObjectMapper json;

    @Inject
    IdempotencyConfig config;

    /**
     * Runs {@code write} once per (owner, key). {@code operation} names what is done and to
     * what ("create-comment art-1"), so a key reused elsewhere counts as a different request.
     * {@code admit} (the rate limiter) runs before the write and outside any database
     * transaction, and not at all for a replay. The write and the key's record share one
     * transaction, so a crash leaves both or neither.
     */
    public Response once(String owner, String rawKey, String operation, Object request, Runnable admit,
                         Supplier<Result> write) {
        if (rawKey == null) {
            admit.run();
            Result result = write.get();
            return respond(result.status(), result.location(), result.entity(), false);
        }
        String key = parseKey(rawKey);
        String fingerprint = fingerprint(operation, request);
        // A first look, before the limiter and outside any transaction: a replay, or a twin
        // still running, costs no rate-limit token.
        Response replay = replay(owner, key, fingerprint);
        if (replay != null) {
            return replay;
        }
        admit.run();
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                // Again under the lock this transaction keeps: a twin may have finished since the first look.
                Response late = replay(owner, key, fingerprint);
                if (late != null) {
                    return late;
                }
                Result result = write.get();
                // The stored JSON is what is sent, so a replay is byte for byte the first answer.
                var answer = new IdempotencyRecord.Stored(fingerprint, result.status(), result.location(), serialize(result.entity()));
                Instant now = Instant.now();
                if (!IdempotencyRecord.keep(owner, key, answer, now, now.minus(config.ttl()))) {
                    throw new TwinFinished();
                }
                return respond(answer.status(), answer.location(), answer.body(), false);
            });
        } catch (TwinFinished e) {
            // Our write is rolled back; the twin's answer stands.
            Response twin = replay(owner, key, fingerprint);
            if (twin == null) {
                throw inUse(); // erased or purged meanwhile: a retry writes afresh
            }
            return twin;
        }
    }

    /** A twin committed its answer between our look's snapshot and our lock: roll back, replay theirs. */
    private static final class TwinFinished extends RuntimeException {
        TwinFinished() {
            super(null, null, false, false);
        }
    }

    /**
     * Takes the key's lock (a twin still running gets 409 at once instead of waiting), then
     * answers a replay of a stored request, refuses a different request under the same key, or
     * returns null when the write is still to be done. One statement.
     */
    private Response replay(String owner, String key, String fingerprint) {
        IdempotencyRecord.Look look = IdempotencyRecord.look(owner, key, Instant.now().minus(config.ttl()));
        if (!look.free()) {
            throw inUse();
        }
        IdempotencyRecord.Stored existing = look.stored();
        if (existing == null) {
            return null;
        }
        if (!existing.fingerprint().equals(fingerprint)) {
            throw new ProblemException(422, "idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was already used for a different request");
        }
        return respond(existing.status(), existing.location(), existing.body(), true);
    }

    /** A stored answer sent again, not a write done now. */
    public static boolean replayed(Response response) {
        return response.getHeaders().containsKey(REPLAYED);
    }

    private static ProblemException inUse() {
        return new ProblemException(409, "idempotency-key-in-use", "Request in progress",
                "A request with this Idempotency-Key is still being processed; retry shortly", List.of(),
                Map.of("Retry-After", "1"));
    }

    private static Response respond(int status, String location, Object entity, boolean replayed) {
        Response.ResponseBuilder response = Response.status(status).entity(entity).type(MediaType.APPLICATION_JSON);
        if (location != null) {
            response.location(URI.create(location));
        }
        if (replayed) {
            response.header(REPLAYED, "true");
        }
        return response.build();
    }

    /** Keys are sf-strings ("...") per the draft; a bare token is accepted too. */
    static String parseKey(String raw) {
        String key = raw.trim();
        if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
            key = key.substring(1, key.length() - 1);
        }
        if (!KEY.matcher(key).matches()) {
            throw new ProblemException(400, "invalid-idempotency-key", "Invalid Idempotency-Key",
                    "Idempotency-Key must be 1 to 255 visible ASCII characters, e.g. a UUID");
        }
        return key;
    }

    private String fingerprint(String operation, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String serialize(Object entity) {
        try {
            return json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Erasure: the owner's stored requests and answers go. */
    public static void forget(String owner) {
        IdempotencyRecord.delete("owner", owner);
    }

    /** Every instance runs this; the delete is idempotent, so overlapping runs are harmless. */
    @Scheduled(every = "1h", delayed = "1m")
    @Transactional
    void purgeExpired() {
        long purged = IdempotencyRecord.purgeOlderThan(Instant.now().minus(config.ttl()));
        if (purged > 0) {
            LOG.debugf("Purged %d expired idempotency keys", purged);
        }
    }
}
