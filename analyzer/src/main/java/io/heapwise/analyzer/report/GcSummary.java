// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The {@code gctrace} view of a recording: how often the collector ran, how long the application stood still,
 * and how fast it allocated. Heap sizes are {@code -1} when the recording has no {@code jdk.GCHeapSummary}.
 */
@JsonPropertyOrder({"collectors", "collections", "collectionsPerMinute", "pauseTotalMs", "pauseMaxMs",
    "pauseP99Ms", "gcShareOfWallTime", "heapUsedBeforeGcAvgBytes", "heapUsedAfterGcAvgBytes",
    "heapUsedAfterGcMaxBytes", "heapCommittedMaxBytes", "allocatedBytes", "allocationBytesPerSecond"})
public record GcSummary(
    List<String> collectors,
    long collections,
    double collectionsPerMinute,
    double pauseTotalMs,
    double pauseMaxMs,
    double pauseP99Ms,
    double gcShareOfWallTime,
    long heapUsedBeforeGcAvgBytes,
    long heapUsedAfterGcAvgBytes,
    long heapUsedAfterGcMaxBytes,
    long heapCommittedMaxBytes,
    long allocatedBytes,
    double allocationBytesPerSecond) {

  public GcSummary {
    collectors = List.copyOf(collectors);
  }
}
