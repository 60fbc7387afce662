package com.hiwar.moderation.learning;

import com.hiwar.moderation.ModelFeedback;
import com.hiwar.moderation.ModerationConfig;
import com.hiwar.moderation.model.ActiveModel;
import com.hiwar.moderation.model.Example;
import com.hiwar.moderation.model.Figures;
import com.hiwar.moderation.model.LabelledFiles;
import com.hiwar.moderation.model.OrdinaryText;
import com.hiwar.moderation.model.OffensiveModel;
import com.hiwar.moderation.model.PromotionGate;
import com.hiwar.moderation.model.Trainer;
import com.hiwar.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Training jobs: each reads the labelled files and the moderators' decisions since a date, trains
 * a version, judges it against the active one on the fixed split and on the newest decisions
 * (held back from training), stores it with its figures and promotes it if the gate allows. Jobs
 * run one at a time per instance, off the request threads; their progress is in PostgreSQL, so any
 * instance can report it.
 */
@ApplicationScoped
public class ModelTraining {

    private static final Logger LOG = Logger.getLogger(ModelTraining.class);
    public static final String LOCATION = "/api/v1/admin/models/jobs/";

    private final ExecutorService jobs = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "model-training");
        t.setDaemon(true);
        return t;
    });

    @Inject
    jakarta.enterprise.event.Event<ModelPromoted> promotions;

    @Inject
    LearningConfig config;

    @Inject
    ModerationConfig moderation;

    @Inject
    ModelFeedback feedback;

    @Inject
    Models models;

    /** A job as the admin API shows it. */
    public record JobView(UUID id, String state, double progress, String stage, Instant since, boolean force,
                          String requestedBy, Instant createdAt, Instant updatedAt, Long version, Boolean promoted,
                          String outcome) {
        static JobView of(TrainingJob j) {
            return new JobView(j.id, j.state, Math.round(j.progress * 100) / 100.0, j.stage, j.since, j.force,
                    j.requestedBy, j.createdAt, j.updatedAt, j.version, j.promoted, j.outcome);
        }
    }

    public JobView start(Instant since, boolean force, String by) {
        if (since.isAfter(Instant.now())) {
            throw ProblemException.invalid("since", "must not be in the future");
        }
        JobView job = QuarkusTransaction.requiringNew().call(() -> {
            // One job at a time across instances: a second request (or a retry) is shown the running one.
            TrainingJob.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext('hiwar:model-training'))")
                    .getSingleResult();
            TrainingJob.running(config.abandonedAfter()).ifPresent(running -> {
                throw new ProblemException(409, "training-running", "A training job is running",
                        "Job " + running.id + " started at " + running.createdAt + " is " + Math.round(running.progress * 100)
                                + " % done; its progress is at Location", List.of(),
                        Map.of("Location", LOCATION + running.id));
            });
            return JobView.of(TrainingJob.create(since, force, by));
        });
        jobs.execute(() -> run(job.id()));
        return job;
    }

    public JobView job(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> TrainingJob.<TrainingJob>findByIdOptional(id)
                .map(JobView::of).orElseThrow(() -> ProblemException.notFound("Training job", id)));
    }

    @Scheduled(every = "1m", delayed = "1m")
    void failAbandoned() {
        int n = QuarkusTransaction.requiringNew().call(() -> TrainingJob.failAbandoned(config.abandonedAfter()));
        if (n > 0) {
            LOG.warnf("%d training job(s) abandoned by a stopped instance marked failed", n);
        }
    }

    void run(UUID id) {
        try {
            TrainingJob job = QuarkusTransaction.requiringNew().call(() -> TrainingJob.<TrainingJob>findById(id));
            progress(id, "reading", 0.01);
            List<Example> files = trainingFiles();
            List<ModelFeedback.LabelledComment> decisions = feedback.labelsSince(job.since, config.maxDecisions());
            int recentCount = (int) Math.floor(decisions.size() * config.recentShare());
            List<ModelFeedback.LabelledComment> older = decisions.subList(0, decisions.size() - recentCount);
            List<Example> recent = examples(decisions.subList(decisions.size() - recentCount, decisions.size()), 1);
            List<Example> fixed = files.stream().filter(Example::heldOut).toList();
            List<Example> train = new ArrayList<>(files.stream().filter(e -> !e.heldOut()).toList());
            int fileRows = train.size();
            train.addAll(examples(older, config.decisionWeight()));
            train.addAll(OrdinaryText.examples());
            if (train.stream().noneMatch(Example::offensive) || train.stream().allMatch(Example::offensive)) {
                throw new IllegalStateException("nothing to learn from: the training rows need both offensive and"
                        + " ordinary comments (labelled files: " + files.size() + " rows, decisions: " + older.size() + ")");
            }
            long[] last = {0};
            OffensiveModel candidate = Trainer.train(train, Trainer.Settings.DEFAULT, p -> {
                if (System.currentTimeMillis() - last[0] > 1000) {
                    last[0] = System.currentTimeMillis();
                    progress(id, "training", 0.05 + 0.8 * p);
                }
            });
            progress(id, "evaluating", 0.9);
            ActiveModel active = models.active();
            Figures fixedNew = fixed.isEmpty() ? null : Figures.of(candidate, fixed);
            Figures recentNew = recent.isEmpty() ? null : Figures.of(candidate, recent);
            Figures fixedActive = fixed.isEmpty() || active == null ? null : Figures.of(active.model(), fixed);
            Figures recentActive = recent.isEmpty() || active == null ? null : Figures.of(active.model(), recent);
            PromotionGate.Outcome gate = PromotionGate.decide(fixedNew, fixedActive, recentNew, recentActive, job.force);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("fixed", describe(fixedNew));
            figures.put("recent", describe(recentNew));
            figures.put("training", Map.of("fileRows", fileRows, "ordinaryTextRows", OrdinaryText.examples().size(),
                    "decisionRows", older.size(), "decisionWeight", config.decisionWeight(), "heldBackDecisions", recent.size(),
                    "since", job.since.toString()));
            if (active != null) {
                Map<String, Object> against = new LinkedHashMap<>();
                against.put("version", active.version());
                against.put("fixed", describe(fixedActive));
                against.put("recent", describe(recentActive));
                figures.put("comparedWith", against);
            }
            figures.put("gate", Map.of("promoted", gate.promoted(), "forced", job.force, "reason", gate.reason()));
            byte[] bytes = candidate.toBytes();
            long version = QuarkusTransaction.requiringNew().call(() -> {
                ModelVersion v = Models.newVersion("trained", bytes, figures, job.requestedBy);
                if (gate.promoted()) {
                    v.activate(job.requestedBy);
                    promotions.fire(new ModelPromoted(v.version, job.requestedBy, true, gate.reason()));
                }
                TrainingJob j = TrainingJob.findById(id);
                j.state = "succeeded";
                j.stage = "done";
                j.progress = 1;
                j.version = v.version;
                j.promoted = gate.promoted();
                j.outcome = gate.reason();
                j.updatedAt = Instant.now();
                return v.version;
            });
            if (gate.promoted()) {
                models.announce();
            }
            LOG.infof("Training job %s made model version %d: %s", id, version, gate.reason());
        } catch (Exception e) {
            LOG.warnf(e, "Training job %s failed", id);
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            QuarkusTransaction.requiringNew().run(() -> {
                TrainingJob j = TrainingJob.findById(id);
                j.state = "failed";
                j.outcome = why;
                j.updatedAt = Instant.now();
            });
        }
    }

    private void progress(UUID id, String stage, double progress) {
        QuarkusTransaction.requiringNew().run(() -> {
            TrainingJob j = TrainingJob.findById(id);
            j.stage = stage;
            j.progress = (float) progress;
            j.updatedAt = Instant.now();
        });
    }

    private List<Example> trainingFiles() throws java.io.IOException {
        if (config.trainingData().isEmpty()) {
            return List.of();
        }
        Path dir = Path.of(config.trainingData().get());
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("hiwar.moderation.learning.training-data: " + dir + " is not a directory");
        }
        return LabelledFiles.readAll(dir);
    }

    private static List<Example> examples(List<ModelFeedback.LabelledComment> rows, int weight) {
        return rows.stream().map(r -> new Example("decision", Long.toString(r.commentId()), r.body(), r.offensive(), weight))
                .toList();
    }

    /** A slice's figures at the model's own boundary and at the configured thresholds. */
    private Map<String, Object> describe(Figures f) {
        if (f == null) {
            return null;
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("rows", f.rows());
        d.put("offensive", f.offensiveRows());
        d.put("macroF1", Figures.round(f.macroF1(0.5)));
        d.put("precision", Figures.round(f.precision(0.5)));
        d.put("recall", Figures.round(f.recall(0.5)));
        double hold = moderation.model().holdAt(), reject = moderation.model().rejectAt();
        d.put("holdAt", Map.of("threshold", hold, "recall", Figures.round(f.recall(hold)), "label0Rate", Figures.round(f.benignRate(hold))));
        d.put("rejectAt", Map.of("threshold", reject, "precision", Figures.round(f.precision(reject)), "recall", Figures.round(f.recall(reject))));
        return d;
    }
}
