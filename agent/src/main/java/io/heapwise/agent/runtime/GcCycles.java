// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.agent.runtime;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts collections that age objects: young and full collections, not the concurrent cycles and pause beans
 * some collectors report beside them (G1 "G1 Concurrent GC", ZGC and Shenandoah "... Pauses"), which would count
 * one collection several times.
 */
final class GcCycles {

  private final List<GarbageCollectorMXBean> collectors = new ArrayList<>();

  GcCycles() {
    for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
      String name = bean.getName();
      if (!name.contains("Concurrent") && !name.endsWith("Pauses")) {
        collectors.add(bean);
      }
    }
  }

  long count() {
    long total = 0;
    for (GarbageCollectorMXBean bean : collectors) {
      total += Math.max(0, bean.getCollectionCount());
    }
    return total;
  }
}
