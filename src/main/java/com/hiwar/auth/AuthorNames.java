package com.hiwar.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.hiwar.signal.Announcements;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Authors' display names by user id, kept in memory: every page of comments names its authors,
 * and reading them along cost a page statement about a third of its buffer hits, while a name
 * changes rarely (the publisher's token carries a new one, or the account is erased). A change
 * is announced through Redis once committed and every instance drops that name; the TTL bounds
 * staleness while Redis is away.
 */
@ApplicationScoped
public class AuthorNames {

    static final String CHANNEL = "hiwar:names";

    @Inject
    AuthConfig config;

    @Inject
    RedisDataSource redis;

    @Inject
    Event<NameChanged> changes;

    private Cache<Long, Optional<String>> names;
    private Announcements announcements;

    @PostConstruct
    void init() {
        names = Caffeine.newBuilder().maximumSize(config.names().size()).expireAfterWrite(config.names().ttl()).build();
    }

    void start(@Observes StartupEvent event) {
        announcements = new Announcements(redis, CHANNEL, "author-names");
        announcements.listen(this::forgetLocally);
    }

    /** The names of these users, in one query for those not kept; a user without a name is absent. */
    public Map<Long, String> of(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, Optional<String>> found = names.getAll(ids, missing -> {
            Map<Long, String> read = User.namesOf(java.util.List.copyOf(missing));
            Map<Long, Optional<String>> loaded = new HashMap<>();
            missing.forEach(id -> loaded.put(id, Optional.ofNullable(read.get(id))));
            return loaded;
        });
        Map<Long, String> out = new HashMap<>();
        found.forEach((id, name) -> name.ifPresent(n -> out.put(id, n)));
        return out;
    }

    /** The user's name changed or went in this transaction: every instance forgets it once it commits. */
    public void changed(long userId) {
        changes.fire(new NameChanged(userId));
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) NameChanged e) {
        names.invalidate(e.userId());
        announcements.announce(Long.toString(e.userId()));
    }

    private void forgetLocally(String message) {
        try {
            names.invalidate(Long.parseLong(message));
        } catch (NumberFormatException e) {
            names.invalidateAll();
        }
    }
}
