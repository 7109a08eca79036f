// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.boxing;

/** A closed rollup window as published to the metrics backend: total latency per metric, by metric index. */
record RollupWindow(long window, long[] totalMicros) {
    /** A digest of the window's totals, for the run's checksum. */
    long digest() {
        long digest = window;
        for (long total : totalMicros) {
            digest = 31 * digest + total;
        }
        return digest;
    }
}
