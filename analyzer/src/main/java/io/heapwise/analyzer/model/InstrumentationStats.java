// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.model;

import java.util.List;

/**
 * How the agent's bytecode instrumentation ran ({@code heapwise.Instrumentation}, the latest period's): what it
 * rewrote, how it sampled, and what it could not track.
 *
 * @param include the package prefixes instrumented
 * @param sampleInterval about one allocation in this many is sampled per thread; 1 means every one
 * @param exactCounts every allocation is also counted ({@code count=exact})
 * @param maxTracked objects tracked at once at most ({@code track=})
 * @param classesSkipped classes the agent could not rewrite and left unchanged
 * @param sites allocation instructions rewritten
 * @param inFlight tracked objects not yet resolved at the latest period
 * @param droppedTotal samples not tracked since the start, because {@code maxTracked} objects were in flight
 */
public record InstrumentationStats(List<String> include, long sampleInterval, boolean exactCounts,
    long maxTracked, long classesInstrumented, long classesSkipped, long sites, long inFlight, long droppedTotal) {

  public InstrumentationStats {
    include = List.copyOf(include);
  }

  /**
   * The state after {@code next}, a later period: its settings and in-flight count, and for counters that grow
   * "so far", the larger (periods of several recordings may arrive in any order).
   */
  public InstrumentationStats then(InstrumentationStats next) {
    return new InstrumentationStats(next.include.isEmpty() ? include : next.include, next.sampleInterval,
        next.exactCounts, next.maxTracked, Math.max(classesInstrumented, next.classesInstrumented),
        Math.max(classesSkipped, next.classesSkipped), Math.max(sites, next.sites), next.inFlight,
        Math.max(droppedTotal, next.droppedTotal));
  }
}
