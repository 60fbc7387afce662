package com.hiwar.webhook;

import com.hiwar.audit.Audit;
import com.hiwar.db.Paging;
import com.hiwar.db.Row;
import com.hiwar.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What admins see of deliveries: each with its attempts, newest first; and replaying one by hand. */
@ApplicationScoped
public class DeliveryLog {

    static final Set<String> STATUSES = Set.of("pending", "delivered", "dead");

    public record Attempt(Instant startedAt, int durationMs, Integer statusCode, String error, String response) {}

    public record DeliveryView(long id, String eventId, String eventType, Instant eventCreatedAt, String status, int attempts,
                               Instant nextAttemptAt, Integer lastStatus, String lastError, Instant deliveredAt,
                               List<Attempt> attemptLog) {}

    public record Page(List<DeliveryView> items, String nextCursor) {}

    @Inject
    jakarta.enterprise.event.Event<Deliveries.Due> due;

    @Transactional
    public Page page(long endpointId, String status, Integer limit, String cursor) {
        Endpoints.find(endpointId);
        if (status != null && !STATUSES.contains(status)) {
            throw ProblemException.badParameter("status", "must be one of pending, delivered, dead");
        }
        int size = Paging.size(limit, 20, 100);
        Long before = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                before = Long.parseLong(cursor);
            } catch (NumberFormatException e) {
                throw ProblemException.badParameter("cursor", "is not a cursor this API gave");
            }
        }
        List<Row> rows = Row.all(Panache.getEntityManager().createNativeQuery("""
                select d.id, d.event_id, e.type, e.created_at as event_created_at, d.status, d.attempts, d.next_attempt_at,
                       d.last_status, d.last_error, d.delivered_at
                from webhook_deliveries d join webhook_events e on e.id = d.event_id
                where d.endpoint_id = :w and (cast(:status as text) is null or d.status = cast(:status as text))
                  and (cast(:before as bigint) is null or d.id < cast(:before as bigint))
                order by d.id desc limit :n""", Tuple.class)
                .setParameter("w", endpointId).setParameter("status", status).setParameter("before", before)
                .setParameter("n", size + 1));
        Paging.Slice<Row> slice = Paging.slice(rows, size);
        Map<Long, List<Attempt>> attempts = attempts(slice.items().stream().map(r -> r.number("id")).toList());
        List<DeliveryView> items = slice.items().stream().map(r -> view(r, attempts.getOrDefault(r.number("id"), List.of()))).toList();
        return new Page(items, slice.more() ? Long.toString(items.get(items.size() - 1).id()) : null);
    }

    /** Sends a delivery again, whatever became of it (a dead one, or a delivered one a receiver lost). */
    @Transactional
    public DeliveryView retry(long endpointId, long deliveryId, String admin) {
        Endpoints.find(endpointId);
        int updated = Panache.getEntityManager().createNativeQuery("""
                update webhook_deliveries set status = 'pending', next_attempt_at = now(), leased_until = null
                where id = :d and endpoint_id = :w""")
                .setParameter("d", deliveryId).setParameter("w", endpointId).executeUpdate();
        if (updated == 0) {
            throw ProblemException.notFound("Delivery", deliveryId);
        }
        Audit.record(admin, "webhook-retry", null, null, null, null, Map.of("webhook", endpointId, "delivery", deliveryId));
        due.fire(new Deliveries.Due());
        return one(deliveryId);
    }

    private DeliveryView one(long deliveryId) {
        Row r = Row.all(Panache.getEntityManager().createNativeQuery("""
                select d.id, d.event_id, e.type, e.created_at as event_created_at, d.status, d.attempts, d.next_attempt_at,
                       d.last_status, d.last_error, d.delivered_at
                from webhook_deliveries d join webhook_events e on e.id = d.event_id where d.id = :d""", Tuple.class)
                .setParameter("d", deliveryId)).get(0);
        return view(r, attempts(List.of(deliveryId)).getOrDefault(deliveryId, List.of()));
    }

    private static DeliveryView view(Row r, List<Attempt> attempts) {
        return new DeliveryView(r.number("id"), r.text("event_id"), r.text("type"), r.instant("event_created_at"), r.text("status"),
                r.integer("attempts"), "pending".equals(r.text("status")) ? r.instant("next_attempt_at") : null,
                r.get("last_status") == null ? null : r.integer("last_status"), r.text("last_error"), r.instant("delivered_at"),
                attempts);
    }

    private static Map<Long, List<Attempt>> attempts(List<Long> deliveryIds) {
        Map<Long, List<Attempt>> byDelivery = new LinkedHashMap<>();
        if (deliveryIds.isEmpty()) {
            return byDelivery;
        }
        for (Row r : Row.all(Panache.getEntityManager().createNativeQuery("""
                select delivery_id, started_at, duration_ms, status_code, error, response
                from webhook_attempts where delivery_id in (:ids) order by id""", Tuple.class).setParameter("ids", deliveryIds))) {
            byDelivery.computeIfAbsent(r.number("delivery_id"), k -> new ArrayList<>()).add(new Attempt(r.instant("started_at"),
                    r.integer("duration_ms"), r.get("status_code") == null ? null : r.integer("status_code"), r.text("error"),
                    r.text("response")));
        }
        return byDelivery;
    }
}
