// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.service;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the service counts: requests answered, with their latencies per endpoint and over all endpoints, and requests
 * that failed.
 */
final class ServiceMetrics {
    private final Map<Endpoint, LatencyHistory> histories = new EnumMap<>(Endpoint.class);
    private final LatencyHistory overall = new LatencyHistory();
    private final AtomicLong failures = new AtomicLong();

    ServiceMetrics() {
        for (Endpoint endpoint : Endpoint.values()) {
            histories.put(endpoint, new LatencyHistory());
        }
    }

    /** Counts a request answered with a 2xx status. */
    void answered(Endpoint endpoint, long latencyNanos) {
        histories.get(endpoint).record(latencyNanos);
        overall.record(latencyNanos);
    }

    /** Counts a request that failed (the handler threw, or the response could not be sent); returns the new count. */
    long failed() {
        return failures.incrementAndGet();
    }

    LatencyHistory history(Endpoint endpoint) {
        return histories.get(endpoint);
    }

    /** The latencies of all endpoints' requests together. */
    LatencyHistory overall() {
        return overall;
    }

    /** Requests answered with a 2xx status, all endpoints together. */
    long answered() {
        return overall.recorded();
    }

    long failures() {
        return failures.get();
    }

    /** The line the service prints when it stops: {@code heapwise-service-stats: requests=N errors=M}. */
    String statsLine() {
        return String.format(Locale.ROOT, "heapwise-service-stats: requests=%d errors=%d", answered(), failures());
    }
}
