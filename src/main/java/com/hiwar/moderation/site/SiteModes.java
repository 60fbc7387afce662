package com.hiwar.moderation.site;

import com.hiwar.audit.Audit;
import com.hiwar.moderation.rules.SiteMode;
import com.hiwar.problem.ProblemException;
import com.hiwar.signal.Announcements;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * The site's moderation mode, held by every instance. A change is committed, then announced on
 * a Redis channel so every instance reloads at once; a version check every few seconds catches
 * an announcement lost while Redis was away.
 */
@ApplicationScoped
public class SiteModes {

    public static final String CHANNEL = "hiwar:site-settings";

    /** The mode now, the version it is at, who set it and when. */
    public record Setting(SiteMode mode, long version, String updatedBy, Instant updatedAt) {}

    private volatile Setting current = new Setting(SiteMode.POST, 0, "system", null);
    private Announcements announcements;

    @Inject
    RedisDataSource redis;

    @Inject
    Event<SiteModeChanged> changes;

    void start(@Observes StartupEvent event) {
        refresh();
        announcements = new Announcements(redis, CHANNEL, "site-settings");
        announcements.listen(this::refresh);
    }

    public SiteMode mode() {
        return current.mode();
    }

    public Setting current() {
        return current;
    }

    @Scheduled(every = "${hiwar.moderation.site.check-every:15s}", delayed = "5s")
    void refresh() {
        SiteSetting row = QuarkusTransaction.requiringNew().call(() -> SiteSetting.<SiteSetting>findById(SiteSetting.MODERATION));
        if (row != null && row.version != current.version()) {
            current = new Setting(modeOf(row), row.version, row.updatedBy, row.updatedAt);
        }
    }

    /**
     * Sets the mode. {@code version}, when given, must be the version the admin saw: of two
     * admins changing it at once, the second is told and decides again. Setting the mode it
     * already has changes nothing and is not audited (a retry is harmless).
     */
    @Transactional
    public Setting set(String wire, Long version, String reason, String admin) {
        SiteMode mode = SiteMode.parse(wire == null ? "" : wire)
                .orElseThrow(() -> ProblemException.invalid("mode", "must be post, pre or pre-new"));
        SiteSetting row = SiteSetting.findById(SiteSetting.MODERATION, LockModeType.PESSIMISTIC_WRITE);
        if (version != null && version != row.version) {
            throw ProblemException.conflict("stale-version", "Stale version",
                    "The moderation mode is at version " + row.version + ", you changed version " + version);
        }
        SiteMode before = modeOf(row);
        if (before != mode) {
            row.value = new HashMap<>(row.value);
            row.value.put("mode", mode.wire());
            row.version += 1;
            row.updatedBy = admin;
            row.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Map<String, Object> details = Map.of("mode", mode.wire(), "before", before.wire(), "version", row.version);
            Audit.record(admin, "site-mode", null, null, null, reason, details);
            changes.fire(new SiteModeChanged(mode.wire(), before.wire(), row.version, admin, row.updatedAt));
        }
        return new Setting(mode, row.version, row.updatedBy, row.updatedAt);
    }

    void announce(@Observes(during = TransactionPhase.AFTER_SUCCESS) SiteModeChanged changed) {
        refresh();
        announcements.announce(Long.toString(changed.version()));
    }

    private static SiteMode modeOf(SiteSetting row) {
        return SiteMode.parse(String.valueOf(row.value.get("mode"))).orElse(SiteMode.POST);
    }
}
