// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.boxing;

import io.heapwise.samples.SampleRun;
import java.util.HashMap;
import java.util.Map;

/**
 * The rollup stage of a metrics pipeline: it sums request latencies per metric (endpoint and status class) and
 * publishes the totals every window of {@value #WINDOW_EVENTS} measurements. Planted: the running totals live in a
 * {@code Map<String, Long>}, so every measurement boxes a new {@code Long} (the totals are far beyond the
 * {@code Long} cache). Twin: {@link PrimitiveMetricsRollup}, which keeps the totals in a {@code long[]} indexed by
 * metric.
 */
public final class MetricsRollup {
    /** Measurements per rollup window. */
    static final int WINDOW_EVENTS = 1 << 16;
    /** Published windows kept for the status page. A power of two. */
    static final int HISTORY = 64;

    private final RequestMetrics metrics;
    private final Map<String, Long> totalMicros = new HashMap<>();
    private final RollupWindow[] history = new RollupWindow[HISTORY];

    MetricsRollup(RequestMetrics metrics) {
        this.metrics = metrics;
        for (String name : metrics.metricNames) {
            totalMicros.put(name, 0L);
        }
    }

    public static void main(String[] args) {
        SampleRun run = SampleRun.of(MetricsRollup.class, args);
        MetricsRollup rollup = new MetricsRollup(new RequestMetrics());
        long windows = 0;
        long checksum = 0;
        run.begin();
        do {
            rollup.accumulate();
            checksum = 31 * checksum + rollup.publish(windows++);
        } while (run.keepGoing());
        run.end("rolled up %,d measurements", windows * WINDOW_EVENTS, checksum);
    }

    /** Adds one window's measurements to the running totals. */
    void accumulate() {
        String[] names = metrics.metricNames;
        int[] metric = metrics.metric;
        int[] latencyMicros = metrics.latencyMicros;
        for (int i = 0; i < WINDOW_EVENTS; i++) {
            String name = names[metric[i]];
            totalMicros.put(name, totalMicros.get(name) + latencyMicros[i]); // planted: BOXING
        }
    }

    /** Publishes the window's totals and starts the next window; returns the window's digest. */
    long publish(long window) {
        String[] names = metrics.metricNames;
        long[] totals = new long[names.length];
        for (int m = 0; m < names.length; m++) {
            totals[m] = totalMicros.put(names[m], 0L);
        }
        RollupWindow closed = new RollupWindow(window, totals);
        history[(int) (window & (HISTORY - 1))] = closed;
        return closed.digest();
    }
}
