package com.hiwar.webhook;

import com.hiwar.db.QueueWorker;
import com.hiwar.db.Row;
import com.standardwebhooks.Webhook;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * The outbox's delivery side, on every instance. A worker leases due deliveries (FOR UPDATE SKIP
 * LOCKED, so instances never take the same one), sends them at once, and records each attempt.
 * A lease that outlives its worker (kill -9 mid-send) runs out and another instance sends the
 * delivery again: at least once, so receivers deduplicate on {@code webhook-id}. A failure is
 * retried with exponential backoff and jitter until a day after the event, then marked dead.
 *
 * <p>Order: deliveries are leased oldest first, but a failing one does not hold back the next
 * event of the same comment. Each comment in a body carries its {@code version}: a receiver
 * keeps the highest it has seen.
 */
@ApplicationScoped
public class Deliveries {

    private static final Logger LOG = Logger.getLogger(Deliveries.class);
    static final int RESPONSE_KEPT = 1024;

    /** Fired inside a transaction that wrote deliveries: after its commit the worker starts at once. */
    record Due() {}

    /** One leased delivery with what sending it needs. */
    record Leased(long id, String eventId, String payload, long endpointId, String url, List<String> secrets, int attempts) {}

    record Outcome(Integer status, String error, String response, Instant startedAt, long millis) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    @Inject
    WebhookConfig config;

    @Inject
    Endpoints endpoints;

    @Inject
    Vertx vertx;

    @Inject
    ManagedExecutor executor;

    @Inject
    MeterRegistry metrics;

    private HttpClient http;
    private final QueueWorker worker = new QueueWorker("Webhook deliveries", LOG);
    private volatile boolean stopping;
    private volatile long poll = -1;

    void start(@Observes StartupEvent event) {
        int timeout = (int) config.timeout().toMillis();
        // A lease that ends while its attempt may still run lets a second instance send the same event at the same time.
        if (config.lease().toMillis() < timeout + 1000) {
            throw new IllegalStateException("hiwar.webhooks.lease (" + config.lease() + ") must exceed hiwar.webhooks.timeout ("
                    + config.timeout() + ") by at least 1 s: an attempt lasts up to the timeout and half a second more");
        }
        http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(timeout).setForceSni(true)
                .setVerifyHost(true).setMaxPoolSize(Math.max(4, config.batchSize())).setKeepAlive(false));
        if (config.deliver()) { // a timer, not the scheduler, which runs nothing more often than once a second
            poll = vertx.setPeriodic(2000, config.pollInterval().toMillis(), t -> {
                if (!stopping) {
                    executor.execute(this::work);
                }
            });
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        // A tick after shutdown would reach for beans already gone (an error in every stop's log).
        vertx.cancelTimer(poll);
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Due due) {
        if (config.deliver()) {
            executor.execute(this::work);
        }
    }

    /** Settled events past the retention go, with their deliveries and attempts; any instance may run it, deleting is idempotent. */
    @io.quarkus.scheduler.Scheduled(every = "1h", delayed = "10m", concurrentExecution = io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager().createNativeQuery("""
                delete from webhook_events e where e.created_at < now() - cast(:keep as interval)
                  and not exists (select 1 from webhook_deliveries d where d.event_id = e.id and d.status = 'pending')""")
                .setParameter("keep", config.retention().toMillis() + " milliseconds").executeUpdate());
    }

    /** Sends batches until nothing is due; one worker per instance at a time. */
    void work() {
        worker.run(this::drain, () -> stopping);
    }

    private void drain() {
        List<Leased> batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::lease);
            List<CompletableFuture<Outcome>> sent = batch.stream().map(this::attempt).toList();
            List<Outcome> outcomes = new ArrayList<>();
            for (CompletableFuture<Outcome> f : sent) {
                outcomes.add(f.join());
            }
            List<Leased> done = batch;
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = 0; i < done.size(); i++) {
                    record(done.get(i), outcomes.get(i));
                }
            });
        } while (batch.size() == config.batchSize() && !stopping);
    }

    private List<Leased> lease() {
        List<Long> ids = ids(Panache.getEntityManager().createNativeQuery("""
                update webhook_deliveries set leased_until = now() + cast(:lease as interval), attempts = attempts + 1
                where id in (
                    select d.id from webhook_deliveries d join webhook_endpoints w on w.id = d.endpoint_id
                    where d.status = 'pending' and d.next_attempt_at <= now() and w.enabled
                      and (d.leased_until is null or d.leased_until < now())
                    order by d.next_attempt_at, d.id limit :n
                    for update of d skip locked)
                returning id""")
                .setParameter("lease", config.lease().toMillis() + " milliseconds")
                .setParameter("n", config.batchSize()).getResultList());
        if (ids.isEmpty()) {
            return List.of();
        }
        Instant now = Instant.now();
        List<Leased> leased = new ArrayList<>();
        for (Row r : Row.all(Panache.getEntityManager().createNativeQuery("""
                select d.id, d.event_id, d.attempts, e.payload, d.endpoint_id
                from webhook_deliveries d join webhook_events e on e.id = d.event_id
                where d.id in (:ids) order by d.id""", Tuple.class).setParameter("ids", ids))) {
            WebhookEndpoint w = WebhookEndpoint.findById(r.number("endpoint_id"));
            leased.add(new Leased(r.number("id"), r.text("event_id"), r.text("payload"), w.id, w.url, w.signingSecrets(now),
                    r.integer("attempts")));
        }
        return leased;
    }

    @SuppressWarnings("unchecked")
    private static List<Long> ids(List<?> rows) {
        return ((List<Object>) rows).stream().map(o -> ((Number) o).longValue()).toList();
    }

    /** Every lease ends in a recorded attempt, even one that failed before sending: else it counts an attempt admins cannot see. */
    private CompletableFuture<Outcome> attempt(Leased d) {
        try {
            return send(d);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Webhook delivery %d failed before sending", d.id());
            return CompletableFuture.completedFuture(new Outcome(null, "failed before sending: " + e, null, Instant.now(), 0));
        }
    }

    /** One attempt: the address checked now is the address connected to; no redirect is followed. */
    CompletableFuture<Outcome> send(Leased d) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        URI uri = URI.create(d.url());
        InetAddress address;
        try {
            address = endpoints.policy().resolve(uri);
        } catch (UrlPolicy.Blocked e) {
            outcome.complete(new Outcome(null, "blocked: " + e.getMessage(), null, started, 0));
            return outcome;
        }
        long timestamp = started.getEpochSecond();
        List<String> signatures = new ArrayList<>();
        try {
            for (String secret : d.secrets()) {
                signatures.add(new Webhook(secret).sign(d.eventId(), timestamp, d.payload()));
            }
        } catch (Exception e) {
            outcome.complete(new Outcome(null, "signing failed: " + e, null, started, 0));
            return outcome;
        }
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(uri.toString())
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setFollowRedirects(false).setTimeout(config.timeout().toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", "Hiwar-Webhooks/1")
                .putHeader("webhook-id", d.eventId())
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", String.join(" ", signatures));
        Buffer kept = Buffer.buffer();
        AtomicReference<HttpClientRequest> sending = new AtomicReference<>();
        http.request(options)
                .compose(request -> {
                    sending.set(request);
                    return request.send(Buffer.buffer(d.payload().getBytes(StandardCharsets.UTF_8)));
                })
                .onSuccess(response -> {
                    response.exceptionHandler(e -> { }); // a reset after the status is known changes nothing
                    response.handler(chunk -> {
                        kept.appendBuffer(chunk.getBuffer(0, Math.min(chunk.length(), RESPONSE_KEPT - kept.length())));
                        if (kept.length() >= RESPONSE_KEPT) { // enough kept: the rest is not read at all
                            finish(outcome, response.statusCode(), null, kept, started, t0);
                            sending.get().reset();
                        }
                    });
                    response.endHandler(v -> finish(outcome, response.statusCode(), null, kept, started, t0));
                })
                .onFailure(e -> finish(outcome, null, e.toString(), kept, started, t0));
        // Vert.x's timeout is per silence: this bounds the whole attempt, and cuts a receiver that streams on.
        vertx.setTimer(config.timeout().toMillis() + 500, t -> {
            if (finish(outcome, null, "timed out after " + config.timeout().toMillis() + " ms", kept, started, t0) && sending.get() != null) {
                sending.get().reset();
            }
        });
        return outcome;
    }

    private static boolean finish(CompletableFuture<Outcome> outcome, Integer status, String error, Buffer kept, Instant started, long t0) {
        return outcome.complete(new Outcome(status, error, text(kept), started, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)));
    }

    private static String text(Buffer b) {
        return b.length() == 0 ? null : new String(b.getBytes(), StandardCharsets.UTF_8);
    }

    private void record(Leased d, Outcome o) {
        var em = Panache.getEntityManager();
        em.createNativeQuery("""
                insert into webhook_attempts (delivery_id, started_at, duration_ms, status_code, error, response)
                values (:d, :at, :ms, :code, :error, :response)""")
                .setParameter("d", d.id()).setParameter("at", o.startedAt()).setParameter("ms", (int) o.millis())
                .setParameter("code", o.status()).setParameter("error", o.error()).setParameter("response", o.response())
                .executeUpdate();
        String failure = o.delivered() ? null : o.error() != null ? o.error() : "HTTP " + o.status();
        if (o.delivered()) {
            em.createNativeQuery("""
                    update webhook_deliveries set status = 'delivered', delivered_at = now(), leased_until = null,
                           last_status = :code, last_error = null
                    where id = :d""").setParameter("code", o.status()).setParameter("d", d.id()).executeUpdate();
            metrics.counter("hiwar.webhooks.delivered").increment();
            return;
        }
        em.createNativeQuery("""
                update webhook_deliveries d set leased_until = null, last_status = :code, last_error = :error,
                       status = case when e.created_at < now() - cast(:giveUp as interval) then 'dead' else 'pending' end,
                       next_attempt_at = now() + cast(:delay as interval)
                from webhook_events e where e.id = d.event_id and d.id = :d""")
                .setParameter("code", o.status()).setParameter("error", failure)
                .setParameter("giveUp", config.giveUpAfter().toMillis() + " milliseconds")
                .setParameter("delay", backoff(d.attempts()).toMillis() + " milliseconds")
                .setParameter("d", d.id()).executeUpdate();
        metrics.counter("hiwar.webhooks.failed").increment();
        LOG.debugf("Webhook delivery %d to endpoint %d failed (attempt %d): %s", d.id(), d.endpointId(), d.attempts(), failure);
    }

    Duration backoff(int attempts) {
        return QueueWorker.backoff(config.retryBase(), config.retryMax(), attempts);
    }
}
