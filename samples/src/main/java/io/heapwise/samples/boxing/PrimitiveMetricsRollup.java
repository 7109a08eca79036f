// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.boxing;

import io.heapwise.samples.SampleRun;
import java.util.Arrays;

/**
 * The fixed twin of {@link MetricsRollup}: the same rollup, but the running totals are a {@code long[]} indexed by the
 * metric's number (the metric names are resolved to numbers once, at the edge of the pipeline), so adding a
 * measurement is a primitive add.
 */
public final class PrimitiveMetricsRollup {
    private final RequestMetrics metrics;
    private final long[] totalMicros;
    private final RollupWindow[] history = new RollupWindow[MetricsRollup.HISTORY];

    PrimitiveMetricsRollup(RequestMetrics metrics) {
        this.metrics = metrics;
        this.totalMicros = new long[metrics.metricNames.length];
    }

    public static void main(String[] args) {
        SampleRun run = SampleRun.of(PrimitiveMetricsRollup.class, args);
        PrimitiveMetricsRollup rollup = new PrimitiveMetricsRollup(new RequestMetrics());
        long windows = 0;
        long checksum = 0;
        run.begin();
        do {
            rollup.accumulate();
            checksum = 31 * checksum + rollup.publish(windows++);
        } while (run.keepGoing());
        run.end("rolled up %,d measurements", windows * MetricsRollup.WINDOW_EVENTS, checksum);
    }

    /** Adds one window's measurements to the running totals. */
    void accumulate() {
        int[] metric = metrics.metric;
        int[] latencyMicros = metrics.latencyMicros;
        for (int i = 0; i < MetricsRollup.WINDOW_EVENTS; i++) {
            totalMicros[metric[i]] += latencyMicros[i]; // fixed: BOXING
        }
    }

    /** Publishes the window's totals and starts the next window; returns the window's digest. */
    long publish(long window) {
        RollupWindow closed = new RollupWindow(window, totalMicros.clone());
        Arrays.fill(totalMicros, 0L);
        history[(int) (window & (MetricsRollup.HISTORY - 1))] = closed;
        return closed.digest();
    }
}
