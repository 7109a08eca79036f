// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.model;

/**
 * The JFR events that bytes per site can be computed from. A recording often carries both; only one is used
 * for the whole analysis so that no allocation is counted twice.
 */
public enum AllocationSource {
  /** JDK 16+: throttled samples whose {@code weight} is the bytes the thread allocated since its last sample. */
  OBJECT_ALLOCATION_SAMPLE("jdk.ObjectAllocationSample"),
  /**
   * One event per TLAB refill (weighted by the new TLAB's size) and per allocation outside a TLAB (weighted by
   * the object's size): the older, heavier view, and what async-profiler writes.
   */
  TLAB("jdk.ObjectAllocationInNewTLAB+jdk.ObjectAllocationOutsideTLAB");

  private final String eventNames;

  AllocationSource(String eventNames) {
    this.eventNames = eventNames;
  }

  public String eventNames() {
    return eventNames;
  }
}
