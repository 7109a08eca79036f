// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.service;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The latencies of one endpoint's most recent answered requests: a ring that the worker threads write and the stats
 * endpoint reads, both without a lock.
 */
final class LatencyHistory {
    /** Latencies kept per endpoint; the largest window {@code /stats} accepts. A power of two. */
    static final int CAPACITY = 1024;

    private final AtomicLongArray ring = new AtomicLongArray(CAPACITY);
    private final AtomicLong recorded = new AtomicLong();

    void record(long latencyNanos) {
        long sequence = recorded.getAndIncrement();
        ring.set((int) (sequence & (CAPACITY - 1)), latencyNanos);
    }

    /** Requests recorded since the service started. */
    long recorded() {
        return recorded.get();
    }

    /** Latencies the ring holds: all recorded so far, up to its capacity. */
    int size() {
        return (int) Math.min(recorded(), CAPACITY);
    }

    /**
     * The latency of the request answered {@code age} requests before the latest one ({@code 0 <= age < size()}).
     * A reader racing a writer may see a slot a moment before it is filled (the previous value, or 0 while the ring
     * is still filling): good enough for percentiles, and it keeps the request path free of locks.
     */
    long nanosAgo(int age) {
        long sequence = recorded() - 1 - age;
        return ring.get((int) (sequence & (CAPACITY - 1)));
    }
}
