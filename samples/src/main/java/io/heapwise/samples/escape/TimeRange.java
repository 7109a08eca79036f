// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.escape;

/** A half-open interval of time, {@code [start, end)}, in minutes since midnight. */
record TimeRange(int start, int end) {
    int length() {
        return end - start;
    }

    /** The minutes this range shares with {@code other}; zero when they do not overlap. */
    int overlapWith(TimeRange other) {
        return Math.max(0, Math.min(end, other.end) - Math.max(start, other.start));
    }
}
