package com.hiwar.live;

import io.vertx.core.http.HttpServerResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * One reader's stream. Events are held until the catch-up from history is written, and an
 * event is never written twice or out of order (ids only move forward). A reader too slow to
 * drain its socket is cut off; its browser reconnects with Last-Event-ID and catches up.
 */
final class Connection {

    private final HttpServerResponse response;
    private final long retryMillis;
    /** This stream's hold on its client address's share of streams. */
    final ClientSlots.Slot slot;
    private List<LiveEvent> held = new ArrayList<>();
    private String lastId;
    private boolean closed;

    Connection(HttpServerResponse response, long retryMillis, ClientSlots.Slot slot) {
        this.response = response;
        this.retryMillis = retryMillis;
        this.slot = slot;
    }

    synchronized void deliver(LiveEvent event) {
        if (held != null) {
            held.add(event);
        } else {
            write(event);
        }
    }

    /** Starts the stream at {@code fromId}: the missed events first, then whatever arrived meanwhile. */
    synchronized void goLive(String fromId, List<LiveEvent> missed) {
        lastId = fromId;
        send("retry: " + retryMillis + "\nid: " + fromId + "\nevent: ready\ndata: {\"missed\":" + missed.size() + "}\n\n");
        missed.forEach(this::write);
        List<LiveEvent> arrived = held;
        held = null;
        arrived.forEach(this::write);
    }

    /** The history cannot fill the gap: the reader reloads the list, then streams from {@code latestId}. */
    synchronized void refetch(String latestId) {
        lastId = latestId;
        send("retry: " + retryMillis + "\n" + (latestId == null ? "" : "id: " + latestId + "\n")
                + "event: refetch\ndata: {}\n\n");
        List<LiveEvent> arrived = held == null ? List.of() : held;
        held = null;
        arrived.forEach(this::write);
    }

    /** From now on events are held, while the hub reads what its lost subscription missed. */
    synchronized void hold() {
        if (held == null) {
            held = new ArrayList<>();
        }
    }

    /** After {@link #hold()}: what was missed, then what was held; nothing twice (ids only move forward). */
    synchronized void resume(List<LiveEvent> missed) {
        missed.forEach(this::write);
        List<LiveEvent> arrived = held == null ? List.of() : held;
        held = null;
        arrived.forEach(this::write);
    }

    /** An event this instance knows by itself (an article's closing time passing); it has no history id. */
    synchronized void deliverLocal(String type, String json) {
        if (held == null) {
            send("event: " + type + "\ndata: " + json + "\n\n");
        }
    }

    /**
     * The last frame of a stream whose instance stops: the browser reconnects after
     * {@code retry} ms (to another instance, through the balancer) with the last id it saw, and
     * catches up from the shared history. No id here, so that last id stays the one it saw.
     */
    synchronized void reconnect(long retry) {
        send(reconnectFrame(retry));
        close();
    }

    static String reconnectFrame(long retry) {
        return "retry: " + retry + "\nevent: reconnect\ndata: {\"retry\":" + retry + "}\n\n";
    }

    synchronized void heartbeat() {
        if (held == null) {
            send(LiveHub.HEARTBEAT);
        }
    }

    private void write(LiveEvent event) {
        if (lastId != null && LiveEvent.compare(event.id(), lastId) <= 0) {
            return;
        }
        lastId = event.id();
        send(event.frame());
    }

    private void send(String frame) {
        if (closed) {
            return;
        }
        if (response.writeQueueFull()) {
            close();
            return;
        }
        try {
            response.write(frame);
        } catch (IllegalStateException gone) {
            closed = true;
        }
    }

    synchronized void close() {
        if (!closed) {
            closed = true;
            try {
                response.end();
            } catch (IllegalStateException alreadyClosed) {
                // the client went first
            }
        }
    }
}
