package com.hiwar.signal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.hiwar.redis.RedisScript;
import io.quarkus.redis.datasource.RedisDataSource;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Copies of an owner's rows kept on every instance, for a hot path that must still see a change
 * made on any instance at once: a ban on the reader's next POST, a closed article on its next
 * comment. A change, once committed, is dropped here, counted in a Redis version key and
 * announced with its version number, in one script, so every instance hears the changes in order
 * and drops the same row. Each instance also reads the version every {@link #check} (once a
 * second): a gap, an announcement lost while the subscription reconnected, drops every copy.
 * While Redis has not answered a check for {@code 2 ×} that period every copy goes and every
 * read goes to the database; a change this instance could not announce is announced as "every
 * row changed" once Redis answers again.
 *
 * @param <K> what the hot path looks a row up by (a login subject, an article id)
 * @param <V> the copy: immutable, or never changed once made
 */
public final class KeptCopies<K, V> {

    private static final Logger LOG = Logger.getLogger(KeptCopies.class);
    private static final RedisScript CHANGED = RedisScript.load("signal/kept-copies-changed.lua");
    private static final long NO_VERSION = -1;
    private static final String ALL = "*";

    private final RedisDataSource redis;
    private final String channel;
    private final String versionKey;
    private final Function<V, String> rowOf;
    private final long trustNanos;
    private final Cache<K, V> copies;
    private final Announcements announcements;

    /** Bumped before every drop: a read that started before a drop never keeps its copy. */
    private final AtomicLong generation = new AtomicLong();
    private long version = NO_VERSION; // guarded by this
    private volatile long lastCheckNanos;
    private volatile boolean trusted;
    private volatile boolean unannounced;

    /**
     * @param name   the copies' name: channel {@code hiwar:<name>}, version key {@code hiwar:<name>:version}
     * @param rowOf  the row a copy is of, as {@link #changed} names it (e.g. a user id)
     * @param every  how often {@link #check} runs; copies are served only while a check succeeded within twice that
     * @param size   copies kept; 0 keeps none
     * @param ttl    how long a copy lives at most
     */
    public KeptCopies(RedisDataSource redis, String name, Function<V, String> rowOf, Duration every, long size, Duration ttl) {
        this.redis = redis;
        this.channel = "hiwar:" + name;
        this.versionKey = channel + ":version";
        this.rowOf = rowOf;
        this.trustNanos = every.multipliedBy(2).toNanos();
        this.copies = Caffeine.newBuilder().maximumSize(size).expireAfterWrite(ttl).build();
        this.announcements = new Announcements(redis, channel, name + "-changes");
    }

    /** Subscribes and reads the version; until a check succeeds, nothing is kept. */
    public void start() {
        announcements.listen(this::heard);
        check();
    }

    /** The copy of the row {@code key} names, or what {@code read} reads (kept unless null or a change came meanwhile). */
    public V get(K key, Supplier<V> read) {
        boolean serve = trusted && System.nanoTime() - lastCheckNanos < trustNanos;
        if (!serve && copies.estimatedSize() > 0) {
            dropAll(); // changes made meanwhile may never be announced: none of these can be trusted later
        }
        if (serve) {
            V kept = copies.getIfPresent(key);
            if (kept != null) {
                return kept;
            }
        }
        long before = generation.get();
        V fresh = read.get();
        if (serve && fresh != null) {
            copies.put(key, fresh);
            // A drop between the read and the put: the read may have seen the row before the change.
            if (generation.get() != before) {
                copies.invalidate(key);
            }
        }
        return fresh;
    }

    /** This instance's copy of {@code key} is out of date (this instance's own write, not yet everyone's business). */
    public void forgetHere(K key) {
        generation.incrementAndGet();
        copies.invalidate(key);
    }

    /**
     * The row changed and the change is committed: dropped here at once, then on every instance.
     * When Redis cannot be told, this instance announces "every row" at its first check that
     * reaches Redis again. Instances that cannot reach Redis either serve no copy meanwhile. One
     * that can, while this one cannot (a partition), serves its copy until then or its TTL.
     */
    public void changed(String row) {
        drop(row);
        announce(row);
    }

    private void announce(String row) {
        try {
            CHANGED.run(redis, "1", versionKey, channel, row);
        } catch (RuntimeException e) {
            unannounced = true;
            LOG.warnf("Could not announce a change of %s on %s (%s); every copy goes everywhere once Redis answers",
                    row, channel, e.getMessage());
        }
    }

    /** Every row changed (by hand, outside the owner): every copy dropped, here at once, then on every instance. */
    public void changedAll() {
        changed(ALL);
    }

    /** Reads the version key: a version this instance did not hear of drops every copy; no answer stops serving them. */
    public void check() {
        long current;
        try {
            String value = redis.value(String.class).get(versionKey);
            current = value == null ? 0 : Long.parseLong(value);
        } catch (RuntimeException e) {
            trusted = false;
            dropAll();
            return;
        }
        if (unannounced) {
            unannounced = false;
            announce(ALL); // this instance's changes the others never heard of
        }
        synchronized (this) {
            if (current != version) {
                dropAll();
                version = current;
            }
        }
        lastCheckNanos = System.nanoTime();
        trusted = true;
    }

    /** An announcement {@code version:row}, in version order. */
    private void heard(String message) {
        int colon = message.indexOf(':');
        long heard;
        try {
            heard = Long.parseLong(message.substring(0, colon));
        } catch (RuntimeException e) {
            dropAll();
            return;
        }
        drop(message.substring(colon + 1));
        synchronized (this) {
            if (heard == version + 1) {
                version = heard;
            } else if (heard > version) {
                dropAll(); // some were missed
                version = heard;
            }
        }
    }

    private void drop(String row) {
        if (ALL.equals(row)) {
            dropAll();
            return;
        }
        generation.incrementAndGet();
        copies.asMap().values().removeIf(v -> rowOf.apply(v).equals(row));
    }

    private void dropAll() {
        generation.incrementAndGet();
        copies.invalidateAll();
    }
}
