package com.hiwar.ratelimit;

import io.quarkus.runtime.configuration.DurationConverter;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** One action's limits by scope, parsed from "user:3/45s, article:8/10m, ip:30/1m". */
record RateLimitPolicy(String action, Map<Scope, Gcra.Limit> limits) {

    enum Scope {
        USER, ARTICLE, IP;

        String label() {
            return name().toLowerCase();
        }
    }

    static RateLimitPolicy parse(String action, String spec) {
        Map<Scope, Gcra.Limit> limits = new EnumMap<>(Scope.class);
        for (String part : spec.split(",")) {
            String item = part.trim();
            if (item.isEmpty()) {
                continue;
            }
            int colon = item.indexOf(':');
            Scope scope;
            try {
                scope = colon < 0 ? Scope.USER : Scope.valueOf(item.substring(0, colon).trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw bad(action, spec);
            }
            String[] rate = item.substring(colon + 1).split("/");
            if (rate.length != 2 || limits.containsKey(scope)) {
                throw bad(action, spec);
            }
            Duration period;
            int burst;
            try {
                period = new DurationConverter().convert(rate[1].trim());
                burst = Integer.parseInt(rate[0].trim());
            } catch (RuntimeException e) {
                throw bad(action, spec);
            }
            String name = scope == Scope.USER ? action : action + "/" + scope.label();
            limits.put(scope, new Gcra.Limit(name, burst, period));
        }
        return new RateLimitPolicy(action, limits);
    }

    private static IllegalArgumentException bad(String action, String spec) {
        return new IllegalArgumentException("hiwar.ratelimit." + action
                + " must look like \"user:3/45s, article:8/10m, ip:30/1m\", not \"" + spec + "\"");
    }
}
