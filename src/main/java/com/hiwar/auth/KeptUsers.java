package com.hiwar.auth;

import com.hiwar.signal.KeptCopies;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The users behind the tokens of recent writes, kept on each instance: every POST, like and
 * report checks its author (banned? held? pre-moderated?), and that read was one of a POST's
 * five statements. A ban, a hold or any other change to what the check reads drops the copy on
 * every instance as it commits, through Redis ({@link KeptCopies}); while Redis cannot be
 * asked, every check reads the database again. A write that must touch the user (a new
 * name, a stale last-seen time, first sight) reads and writes as before.
 */
@ApplicationScoped
public class KeptUsers {

    static final Duration CHECK_EVERY = Duration.ofMillis(500);

    @Inject
    AuthConfig config;

    @Inject
    RedisDataSource redis;

    private KeptCopies<String, User> copies;

    @PostConstruct
    void init() {
        copies = new KeptCopies<>(redis, "users", u -> Long.toString(u.id), CHECK_EVERY,
                config.users().size(), config.users().ttl());
    }

    void start(@Observes StartupEvent event) {
        copies.start();
    }

    @Scheduled(every = "0.5s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        copies.check();
    }

    /** The user behind a token, as {@link User#current} makes it; a kept copy when nothing needs writing. */
    User current(String subject, String displayName, List<String> staffGroups, LongConsumer renamed) {
        User known = copies.get(subject, () -> User.bySubject(subject).orElse(null));
        if (known != null && !User.needsTouch(known, displayName, staffGroups)) {
            return known;
        }
        copies.forgetHere(subject);
        return User.current(subject, displayName, staffGroups, renamed);
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserChanged e) {
        copies.changed(Long.toString(e.userId()));
    }

    /** For rows changed outside Hiwar (by hand, by a test): every copy goes, here at once and elsewhere at the next check. */
    public void forgetAll() {
        copies.changedAll();
    }
}
