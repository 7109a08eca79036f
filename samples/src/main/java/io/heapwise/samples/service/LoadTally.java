// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The load generator's counts, shared by its client threads: requests sent, answered as expected and failed, the
 * latencies of the good ones, and the first few failures in words.
 */
final class LoadTally {
    /** Failures described in the output; the rest are only counted. */
    static final int DESCRIBED_FAILURES = 5;

    private long sent;
    private long ok;
    private long errors;
    private long[] okLatencyNanos = new long[1024];
    private final List<String> failures = new ArrayList<>();

    synchronized void sent() {
        sent++;
    }

    synchronized void ok(long latencyNanos) {
        if (ok == okLatencyNanos.length) {
            okLatencyNanos = Arrays.copyOf(okLatencyNanos, okLatencyNanos.length * 2);
        }
        okLatencyNanos[(int) ok++] = latencyNanos;
    }

    synchronized void error(String description) {
        errors++;
        if (failures.size() < DESCRIBED_FAILURES) {
            failures.add(description);
        }
    }

    /**
     * The summary, {@code heapwise-load: sent=N ok=N errors=N lost=N p50ms=X p99ms=Y maxms=Z}, then, if anything
     * failed, up to {@value #DESCRIBED_FAILURES} {@code heapwise-load-error: ...} lines. Requests sent but neither
     * answered nor failed by now are lost.
     */
    synchronized List<String> report() {
        long lost = lost();
        long[] sorted = Arrays.copyOf(okLatencyNanos, (int) ok);
        Arrays.sort(sorted);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT,
                "heapwise-load: sent=%d ok=%d errors=%d lost=%d p50ms=%.1f p99ms=%.1f maxms=%.1f",
                sent, ok, errors, lost, millis(sorted, 0.50), millis(sorted, 0.99), millis(sorted, 1.0)));
        for (String failure : failures) {
            lines.add("heapwise-load-error: " + failure);
        }
        if (lost > 0 && failures.size() < DESCRIBED_FAILURES) {
            lines.add("heapwise-load-error: " + lost + " request(s) still without a response when the run ended");
        }
        return lines;
    }

    synchronized boolean allAnsweredAsExpected() {
        return errors == 0 && lost() == 0;
    }

    private long lost() {
        return sent - ok - errors;
    }

    /** The nearest-rank percentile of sorted latencies in milliseconds, 0 for none. */
    private static double millis(long[] sortedNanos, double fraction) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(fraction * sortedNanos.length);
        return sortedNanos[Math.max(rank, 1) - 1] / 1e6;
    }
}
