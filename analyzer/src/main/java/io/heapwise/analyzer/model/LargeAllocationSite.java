// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.model;

import java.util.List;

/**
 * Allocations the JVM could not satisfy without a collection ({@code jdk.AllocationRequiringGC}), grouped by the
 * application frame: under G1 typically humongous arrays, each of which takes whole regions.
 */
public record LargeAllocationSite(Frame appFrame, List<Frame> frames, long count, long maxSizeBytes,
    long totalSizeBytes) {

  public LargeAllocationSite {
    frames = List.copyOf(frames);
  }
}
