package com.hiwar.email;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One reader's email choices, and their address while they have any. */
@Entity
@Table(name = "email_subscriptions")
class EmailSubscription extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    Long userId;

    String address;

    /** off, instant or digest. */
    String replies = "off";

    String decisions = "off";

    @Column(name = "queue_digest")
    boolean queueDigest;

    String locale = "ar";

    @Column(name = "last_digest_at")
    Instant lastDigestAt = Instant.now();

    @Column(name = "updated_at")
    Instant updatedAt = Instant.now();

    /** The choice that covers a notification of {@code kind}: replies, or decisions (approved, rejected). */
    String choiceFor(String kind) {
        return "reply".equals(kind) ? replies : decisions;
    }

    boolean wantsNothing() {
        return "off".equals(replies) && "off".equals(decisions) && !queueDigest;
    }
}
