// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.escape;

/** What the simulation publishes per frame: the frame number, the wall contacts resolved, and the kinetic energy. */
record FrameStats(long frame, int contacts, double energy) {
    /** A digest for the run's checksum. */
    long digest() {
        return (frame * 31 + contacts) * 31 + Double.doubleToLongBits(energy);
    }
}
