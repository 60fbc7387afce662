package com.hiwar.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;

/** A receiver an admin registered: where to send, which event types, and the secrets that sign. */
@Entity
@Table(name = "webhook_endpoints")
class WebhookEndpoint extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String url;

    String description;

    @Column(name = "event_types")
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.ARRAY)
    List<String> eventTypes = List.of();

    boolean enabled = true;

    String secret;

    @Column(name = "previous_secret")
    String previousSecret;

    @Column(name = "previous_secret_until")
    Instant previousSecretUntil;

    @Column(name = "created_by")
    String createdBy;

    @Column(name = "created_at")
    Instant createdAt;

    @Column(name = "updated_at")
    Instant updatedAt;

    @Version
    int version;

    /** The secrets that sign a delivery now: the current one, and the previous one during its grace period. */
    List<String> signingSecrets(Instant now) {
        return previousSecret != null && previousSecretUntil != null && previousSecretUntil.isAfter(now)
                ? List.of(secret, previousSecret) : List.of(secret);
    }
}
