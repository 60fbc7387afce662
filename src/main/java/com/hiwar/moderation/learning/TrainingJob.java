package com.hiwar.moderation.learning;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A training job: where it is, and how it ended (the version it made, promoted or not, and why). */
@Entity
@Table(name = "model_jobs")
public class TrainingJob extends PanacheEntityBase {

    @Id
    public UUID id;
    public String state;
    public float progress;
    public String stage;
    public Instant since;
    public boolean force;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    public Long version;
    public Boolean promoted;
    public String outcome;

    static TrainingJob create(Instant since, boolean force, String by) {
        TrainingJob job = new TrainingJob();
        job.id = UUID.randomUUID();
        job.state = "running";
        job.stage = "queued";
        job.since = since;
        job.force = force;
        job.requestedBy = by;
        job.createdAt = job.updatedAt = Instant.now();
        job.persist();
        return job;
    }

    /** A job still running and heard from lately. */
    static Optional<TrainingJob> running(Duration abandonedAfter) {
        return find("state = 'running' and updatedAt >= ?1", Instant.now().minus(abandonedAfter)).firstResultOptional();
    }

    /** Jobs whose instance stopped mid-way: nothing will finish them. */
    static int failAbandoned(Duration after) {
        return update("state = 'failed', outcome = 'abandoned: the instance running it stopped', updatedAt = ?1 "
                + "where state = 'running' and updatedAt < ?2", Instant.now(), Instant.now().minus(after));
    }
}
