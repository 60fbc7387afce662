package com.hiwar.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Login subject to user id, for reads: a signed-in reader's every page view needs it, and it
 * never changes while the user exists. Ids are never reused, so an id kept a little after its
 * user was erased matches nothing. Readers not yet known are looked up each time (their first
 * write creates them).
 */
@ApplicationScoped
class ViewerIds {

    private final Cache<String, Long> ids = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(5)).build();

    OptionalLong of(String subject) {
        Long id = ids.getIfPresent(subject);
        if (id != null) {
            return OptionalLong.of(id);
        }
        OptionalLong found = User.idOfSubject(subject);
        found.ifPresent(value -> ids.put(subject, value));
        return found;
    }
}
