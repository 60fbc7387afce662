package com.hiwar.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The soak of bench/soak.sh, short and light enough for every build: three instances behind
 * HAProxy, PostgreSQL with a synchronous standby, Redis with Sentinel, and the same faults in
 * the same order. What must hold whatever the machine's speed: no acknowledged comment lost or
 * written twice, counts equal to their recount, no error during the rolling restart or the kill
 * of one instance (the balancer retries) nor while Redis stalls or after, and live events missed
 * only while Redis fails over.
 */
class FaultSoakIT {

    @Test
    void faultsInOrderLoseNothing() throws Exception {
        Soak.Report report = new Soak(new Soak.Settings(5, 5, 20, 4, 2, 0)).run();
        System.out.println(report.table());
        Soak.Audit audit = report.audit();
        assertTrue(audit.acknowledged() > 100, "too little load: " + audit.acknowledged());
        assertEquals(0, audit.lostAcknowledged(), "acknowledged comments missing");
        assertEquals(0, audit.duplicated(), "comments written twice despite Idempotency-Key");
        assertEquals(0, audit.articleCountsOff(), "article counts off their recount");
        assertEquals(0, audit.likeCountsOff(), "like counts off their recount");
        List<Soak.Phase> phases = report.phases();
        for (Soak.Phase p : phases) {
            assertTrue(p.requests() > 0, p.name() + " saw no requests");
            // A stalled Redis must not fail a request either: the limiter falls back within its timeout, and
            // readiness answers without waiting on Redis, so the balancer keeps every instance in service.
            if (p.name().startsWith("rolling") || p.name().startsWith("kill") || p.name().startsWith("Redis stall")
                    || p.name().startsWith("recovered")) {
                assertEquals(0, p.serverErrors() + p.networkFailures(), p.name() + ": requests failed\n" + report.table());
            }
            if (!p.name().startsWith("Redis")) {
                assertEquals(0, p.missed(), p.name() + ": live events missed\n" + report.table());
            }
        }
    }
}
