// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.shortlived;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Deterministic input for the log aggregator samples: access-log lines of a handful of services, as a log shipper
 * delivers them in batches, for example
 * {@code 2026-11-25T15:10:44.123Z INFO checkout GET /api/cart 200 37ms}.
 */
final class AccessLogSource {
    static final long SEED = 20261125L;
    /** Distinct lines generated up front; the source cycles through them. A power of two. */
    static final int DISTINCT_LINES = 8192;
    /** Space-separated fields per line: timestamp, level, service, method, path, status, latency. */
    static final int FIELDS = 7;
    static final int SERVICE_FIELD = 2;
    static final int STATUS_FIELD = 5;
    static final int LATENCY_FIELD = 6;

    static final String[] SERVICES = {
        "checkout", "catalog", "payments", "search", "identity", "shipping", "recommendations", "inventory",
    };
    private static final String[] PATHS = {"/api/cart", "/api/items/42", "/api/pay", "/api/search?q=lamp", "/login",
        "/api/track/7731", "/api/recs", "/api/stock"};
    private static final String[] METHODS = {"GET", "GET", "GET", "POST", "PUT"};

    private final String[] lines = new String[DISTINCT_LINES];
    private int next;

    AccessLogSource() {
        SplittableRandom random = new SplittableRandom(SEED);
        long millis = 1_795_000_000_000L;
        for (int i = 0; i < DISTINCT_LINES; i++) {
            millis += random.nextInt(20);
            int service = random.nextInt(SERVICES.length);
            int roll = random.nextInt(100);
            int status = roll < 90 ? 200 : roll < 96 ? 404 : 503;
            String level = status >= 500 ? "ERROR" : status >= 400 ? "WARN" : "INFO";
            int latency = 1 + (int) Math.round(Math.exp(random.nextDouble() * 7.0));
            lines[i] = String.format(Locale.ROOT, "%s %s %s %s %s %d %dms", java.time.Instant.ofEpochMilli(millis),
                    level, SERVICES[service], METHODS[random.nextInt(METHODS.length)], PATHS[service], status, latency);
        }
    }

    /** The next line of the stream. */
    String nextLine() {
        String line = lines[next];
        next = (next + 1) & (DISTINCT_LINES - 1);
        return line;
    }
}
