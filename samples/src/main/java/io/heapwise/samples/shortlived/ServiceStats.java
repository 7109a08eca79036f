// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.shortlived;

/** One service's counters for the current aggregation window; reset in place when the window closes. */
final class ServiceStats {
    final String service;
    long requests;
    long serverErrors;
    long latencyTotalMillis;
    int latencyMaxMillis;

    ServiceStats(String service) {
        this.service = service;
    }

    void record(int status, int latencyMillis) {
        requests++;
        if (status >= 500) {
            serverErrors++;
        }
        latencyTotalMillis += latencyMillis;
        latencyMaxMillis = Math.max(latencyMaxMillis, latencyMillis);
    }

    /** Folds the window's counters into a checksum and starts a new window. */
    long closeWindow() {
        long digest = ((requests * 31 + serverErrors) * 31 + latencyTotalMillis) * 31 + latencyMaxMillis;
        requests = 0;
        serverErrors = 0;
        latencyTotalMillis = 0;
        latencyMaxMillis = 0;
        return digest;
    }
}
