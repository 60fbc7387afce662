package com.hiwar.ratelimit;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The same GCRA in this instance's memory, for while Redis is unreachable. Each instance
 * counts alone, so the limiter hands it tighter limits. One lock keeps multi-bucket
 * decisions atomic; it only carries traffic during an outage. Expired buckets are swept
 * as the map grows, so memory follows the number of active keys.
 */
class LocalGcra implements Gcra {

    private static final int SWEEP_AT = 10_000;

    private final Map<String, Long> tats = new HashMap<>();
    private int sweepAt = SWEEP_AT;

    @Override
    public synchronized Decision acquire(List<Bucket> buckets) {
        long now = System.nanoTime() / 1000;
        long[] newTats = new long[buckets.size()];
        int denied = -1;
        long deniedWait = 0, deniedRemaining = 0, deniedReset = 0;
        int binding = -1;
        long bindingRemaining = 0, bindingReset = 0;
        for (int i = 0; i < buckets.size(); i++) {
            long interval = buckets.get(i).limit().intervalMicros();
            long tolerance = interval * buckets.get(i).limit().burst();
            long tat = Math.max(now, tats.getOrDefault(buckets.get(i).key(), now));
            long newTat = tat + interval;
            long wait = newTat - tolerance - now;
            if (wait > 0) {
                if (denied < 0 || wait > deniedWait) {
                    denied = i;
                    deniedWait = wait;
                    deniedRemaining = Math.max(0, (tolerance - (tat - now)) / interval);
                    deniedReset = tat - now;
                }
            } else {
                newTats[i] = newTat;
                long remaining = (tolerance - (newTat - now)) / interval;
                if (binding < 0 || remaining < bindingRemaining) {
                    binding = i;
                    bindingRemaining = remaining;
                    bindingReset = newTat - now;
                }
            }
        }
        if (denied >= 0) {
            return Gcra.decision(buckets, false, denied, deniedRemaining, deniedWait, deniedReset);
        }
        for (int i = 0; i < buckets.size(); i++) {
            tats.put(buckets.get(i).key(), newTats[i]);
        }
        if (tats.size() >= sweepAt) {
            sweep(now);
        }
        return Gcra.decision(buckets, true, binding, bindingRemaining, 0, bindingReset);
    }

    /** Drops buckets that are full again: forgetting them changes no decision. */
    private void sweep(long now) {
        for (Iterator<Long> it = tats.values().iterator(); it.hasNext(); ) {
            if (it.next() <= now) {
                it.remove();
            }
        }
        sweepAt = Math.max(SWEEP_AT, tats.size() * 2);
    }

    synchronized int size() {
        return tats.size();
    }
}
