package com.hiwar.webhook;

import com.hiwar.audit.Audit;
import com.hiwar.problem.ProblemException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Admins' webhook endpoints. A secret is shown once, when it is made; rotating it keeps the
 * previous one signing beside the new one for a grace period, so a receiver can switch without
 * refusing a delivery. Every change is audited.
 */
@ApplicationScoped
public class Endpoints {

    /** Every event type an endpoint may ask for, in the order the README lists them. */
    public static final List<String> EVENT_TYPES = List.of("comment.created", "comment.published", "comment.held",
            "comment.rejected", "comment.edited", "comment.deleted", "comment.reported", "comment.hidden",
            "user.banned", "user.unbanned", "article.closed", "queue.alert", "model.promoted", "article.surge");

    private static final SecureRandom RANDOM = new SecureRandom();

    public record EndpointRequest(String url, String description, List<String> eventTypes, Boolean enabled, Integer version) {}

    public record EndpointView(long id, String url, String description, List<String> eventTypes, boolean enabled,
                               Instant createdAt, Instant updatedAt, int version, Instant previousSecretValidUntil) {}

    /** An endpoint with its secret, which is shown this once. */
    public record WithSecret(EndpointView endpoint, String secret) {}

    @Inject
    WebhookConfig config;

    @Inject
    jakarta.enterprise.event.Event<Subscribers.Changed> changes;

    private UrlPolicy policy;

    // Built with the bean, not on StartupEvent: the delivery worker's first poll may come before
    // this bean's StartupEvent observer on a slow start, and met a null policy.
    @PostConstruct
    void init() {
        policy = new UrlPolicy(config.allowedHosts().orElse(List.of()));
    }

    UrlPolicy policy() {
        return policy;
    }

    public List<EndpointView> list() {
        return WebhookEndpoint.<WebhookEndpoint>listAll(io.quarkus.panache.common.Sort.by("id")).stream().map(Endpoints::view).toList();
    }

    public EndpointView get(long id) {
        return view(find(id));
    }

    @Transactional
    public WithSecret create(EndpointRequest request, String admin) {
        if (request == null) {
            throw ProblemException.invalid("url", "is required");
        }
        WebhookEndpoint e = new WebhookEndpoint();
        apply(e, request, true);
        e.secret = newSecret();
        e.createdBy = admin;
        e.createdAt = now();
        e.updatedAt = e.createdAt;
        e.persistAndFlush();
        Audit.record(admin, "webhook-create", null, null, null, null, details(e));
        changes.fire(new Subscribers.Changed());
        return new WithSecret(view(e), e.secret);
    }

    @Transactional
    public EndpointView update(long id, EndpointRequest request, String admin) {
        WebhookEndpoint e = find(id);
        if (request == null || request.version() == null) {
            throw ProblemException.invalid("version", "is required: the version you read, so no one else's change is overwritten");
        }
        if (request.version() != e.version) {
            throw ProblemException.conflict("stale-version", "Stale version",
                    "Webhook " + id + " is at version " + e.version + "; reload it before changing it");
        }
        apply(e, request, false);
        e.updatedAt = now();
        e.flush();
        Audit.record(admin, "webhook-update", null, null, null, null, details(e));
        changes.fire(new Subscribers.Changed());
        return view(e);
    }

    @Transactional
    public void delete(long id, String admin) {
        WebhookEndpoint e = find(id);
        Map<String, Object> details = details(e);
        e.delete();
        Audit.record(admin, "webhook-delete", null, null, null, null, details);
        changes.fire(new Subscribers.Changed());
    }

    /** A new secret; the one it replaces keeps signing too until the grace period ends. */
    @Transactional
    public WithSecret rotate(long id, String admin) {
        WebhookEndpoint e = find(id);
        e.previousSecret = e.secret;
        e.previousSecretUntil = now().plus(config.secretGrace());
        e.secret = newSecret();
        e.updatedAt = now();
        e.flush();
        Audit.record(admin, "webhook-rotate-secret", null, null, null, null,
                Map.of("webhook", e.id, "previousValidUntil", e.previousSecretUntil.toString()));
        return new WithSecret(view(e), e.secret);
    }

    static WebhookEndpoint find(long id) {
        return WebhookEndpoint.<WebhookEndpoint>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Webhook", id));
    }

    private void apply(WebhookEndpoint e, EndpointRequest r, boolean creating) {
        URI url = policy.check(r.url());
        List<String> types = r.eventTypes();
        if (types == null || types.isEmpty()) {
            throw ProblemException.invalid("eventTypes", "list one or more of " + String.join(", ", EVENT_TYPES));
        }
        Set<String> unknown = new LinkedHashSet<>(types);
        unknown.removeAll(EVENT_TYPES);
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid("eventTypes", "unknown " + String.join(", ", unknown) + "; known: " + String.join(", ", EVENT_TYPES));
        }
        String description = r.description() == null ? null : r.description().strip();
        if (description != null && description.length() > 500) {
            throw ProblemException.invalid("description", "at most 500 characters");
        }
        e.url = url.toString();
        e.description = description == null || description.isEmpty() ? null : description;
        e.eventTypes = EVENT_TYPES.stream().filter(types::contains).toList();
        if (r.enabled() != null || creating) {
            e.enabled = r.enabled() == null || r.enabled();
        }
    }

    private static Map<String, Object> details(WebhookEndpoint e) {
        Map<String, Object> d = new HashMap<>();
        d.put("webhook", e.id);
        d.put("url", e.url);
        d.put("eventTypes", new ArrayList<>(e.eventTypes));
        d.put("enabled", e.enabled);
        return d;
    }

    static EndpointView view(WebhookEndpoint e) {
        Instant grace = e.previousSecretUntil != null && e.previousSecretUntil.isAfter(Instant.now()) ? e.previousSecretUntil : null;
        return new EndpointView(e.id, e.url, e.description, List.copyOf(e.eventTypes), e.enabled, e.createdAt, e.updatedAt,
                e.version, grace);
    }

    /** Standard Webhooks' format: "whsec_" and the base64 of the key's bytes (32 random ones). */
    static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
