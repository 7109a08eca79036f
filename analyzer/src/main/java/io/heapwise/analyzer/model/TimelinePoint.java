// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.model;

/** Allocation in one interval of the recording, for "allocation rate over time". */
public record TimelinePoint(long startEpochMillis, long intervalMillis, long allocatedBytes) {

  public double bytesPerSecond() {
    return allocatedBytes * 1000.0 / intervalMillis;
  }
}
