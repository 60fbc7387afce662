package com.hiwar.moderation.learning;

import com.hiwar.moderation.model.ActiveModel;
import com.hiwar.moderation.model.ModelSource;
import com.hiwar.moderation.model.OffensiveModel;
import com.hiwar.moderation.model.ShippedModel;
import com.hiwar.problem.ProblemException;
import com.hiwar.signal.Announcements;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The model versions and the one every instance uses. On first start the model shipped in the jar
 * becomes version 1 and active. Switching the active version is announced on a Redis channel, so
 * every instance loads it at once; a check every 30 s catches an announcement lost while Redis was
 * away (the word lists' path).
 */
@ApplicationScoped
public class Models implements ModelSource {

    public static final String CHANNEL = "hiwar:models";
    static final String FIGURES_RESOURCE = "/moderation/offensive-model.json";

    private static final Logger LOG = Logger.getLogger(Models.class);

    private volatile ActiveModel active;
    private Announcements announcements;

    @Inject
    jakarta.enterprise.event.Event<ModelPromoted> promotions;

    @Inject
    RedisDataSource redis;

    /** A version as the admin API lists it, without its bytes. */
    public record Summary(long version, String origin, String sha256, boolean active, Instant createdAt, String createdBy,
                          Instant activatedAt, String activatedBy, Map<String, Object> figures) {
        static Summary of(ModelVersion v) {
            return new Summary(v.version, v.origin, v.sha256, v.active, v.createdAt, v.createdBy, v.activatedAt,
                    v.activatedBy, v.figures);
        }
    }

    void start(@Observes StartupEvent event) {
        seedShipped();
        refresh();
        announcements = new Announcements(redis, CHANNEL, "model-load");
        announcements.listen(this::refresh);
    }

    @Override
    public ActiveModel active() {
        return active;
    }

    /** Stores the jar's model unless stored already; it becomes active when no version is. Safe when instances start together. */
    void seedShipped() {
        byte[] bytes = ShippedModel.bytes();
        String sha = sha256(bytes);
        QuarkusTransaction.requiringNew().run(() -> {
            ModelVersion.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext('hiwar:model-seed'))")
                    .getSingleResult();
            if (ModelVersion.shipped(sha).isPresent()) {
                return;
            }
            ModelVersion v = newVersion("shipped", bytes, shippedFigures(), "shipped");
            if (ModelVersion.activeNumber().isEmpty()) {
                v.activate("shipped");
            }
            LOG.infof("Stored the shipped model as version %d", v.version);
        });
    }

    static ModelVersion newVersion(String origin, byte[] bytes, Map<String, Object> figures, String by) {
        ModelVersion v = new ModelVersion();
        v.origin = origin;
        v.model = bytes;
        v.sha256 = sha256(bytes);
        v.figures = figures;
        v.createdAt = Instant.now();
        v.createdBy = by;
        v.persistAndFlush();
        return v;
    }

    /** Loads the active version when it differs from the one held. */
    @Scheduled(every = "30s", delayed = "30s")
    synchronized void refresh() {
        ActiveModel held = active;
        ActiveModel loaded = QuarkusTransaction.requiringNew().call(() -> {
            Long number = ModelVersion.activeNumber().orElse(null);
            if (number == null || (held != null && held.version() == number)) {
                return null;
            }
            return new ActiveModel(number, OffensiveModel.fromBytes(ModelVersion.bytesOf(number)));
        });
        if (loaded != null) {
            active = loaded;
            LOG.infof("Model version %d active", loaded.version());
        }
    }

    public List<Summary> list() {
        return QuarkusTransaction.requiringNew().call(() -> ModelVersion.newestFirst().stream().map(Summary::of).toList());
    }

    /** Switches every instance to this version (forward or back). */
    public Summary activate(long version, String by) {
        Summary summary = QuarkusTransaction.requiringNew().call(() -> {
            ModelVersion v = ModelVersion.<ModelVersion>findByIdOptional(version)
                    .orElseThrow(() -> ProblemException.notFound("Model version", version));
            v.activate(by);
            promotions.fire(new ModelPromoted(v.version, by, false, null));
            return Summary.of(v);
        });
        announce();
        return summary;
    }

    void announce() {
        refresh();
        announcements.announce(Long.toString(active.version()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> shippedFigures() {
        try (InputStream in = Models.class.getResourceAsStream(FIGURES_RESOURCE)) {
            return in == null ? Map.of() : Json.decodeValue(new String(in.readAllBytes(), StandardCharsets.UTF_8), Map.class);
        } catch (IOException e) {
            return Map.of();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
