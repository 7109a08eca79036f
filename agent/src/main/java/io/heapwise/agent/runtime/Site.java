// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.agent.runtime;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One rewritten allocation instruction and what was measured there since the last flush. Application threads
 * only touch the atomic counters; the histograms are written by the tracker thread and drained by the flush,
 * both under this object's lock.
 */
public final class Site {

  private final int id;
  private final String className;
  private final String method;
  private final int line;
  private final String allocatedType;
  private final boolean array;
  private final int methodId;

  final AtomicLong allocations = new AtomicLong();
  final AtomicLong samples = new AtomicLong();
  final AtomicLong sampledBytes = new AtomicLong();
  final AtomicLong dropped = new AtomicLong();
  /** The shallow size of a non-array object allocated here, learned from the first sample; 0 until then. */
  volatile long instanceBytes;

  private long died;
  private long longLived;
  private final Histogram gcCycles = Histogram.gcCycles();
  private final Histogram ageMillis = Histogram.ageMillis();
  private long measuredSizes;
  private long sizeMax;
  private long sizeSum;
  private final Histogram sizes = Histogram.sizes();

  Site(int id, String className, String method, int line, String allocatedType, boolean array, int methodId) {
    this.id = id;
    this.className = className;
    this.method = method;
    this.line = line;
    this.allocatedType = allocatedType;
    this.array = array;
    this.methodId = methodId;
  }

  public int id() {
    return id;
  }

  public String className() {
    return className;
  }

  public String method() {
    return method;
  }

  public int line() {
    return line;
  }

  public String allocatedType() {
    return allocatedType;
  }

  boolean isArray() {
    return array;
  }

  /** The id of the method whose exit reads the sizes of collections made here, or -1 for other sites. */
  int methodId() {
    return methodId;
  }

  boolean measuresSize() {
    return methodId >= 0;
  }

  synchronized void died(long gcCyclesSurvived, double ageMillis) {
    died++;
    gcCycles.add(gcCyclesSurvived);
    this.ageMillis.add(ageMillis);
  }

  synchronized void livedLong() {
    longLived++;
    gcCycles.add(LifetimeTracker.LONG_LIVED_GCS);
  }

  synchronized void sized(long size) {
    measuredSizes++;
    sizeMax = Math.max(sizeMax, size);
    sizeSum += size;
    sizes.add(size);
  }

  /** What was measured here since the last call, or null when nothing was; {@code aliveAtEnd} is given. */
  synchronized SiteSnapshot drain(long aliveAtEnd, boolean exactCounts) {
    long sampled = samples.getAndSet(0);
    long allocated = allocations.getAndSet(0);
    if (sampled == 0 && allocated == 0 && died == 0 && longLived == 0 && measuredSizes == 0 && aliveAtEnd == 0) {
      return null;
    }
    SiteSnapshot snapshot = new SiteSnapshot(this, exactCounts ? allocated : -1, sampled,
        sampledBytes.getAndSet(0), died, longLived, aliveAtEnd, dropped.getAndSet(0), gcCycles.drain(),
        ageMillis.drain(), measuredSizes, sizes.drain(), sizeMax, sizeSum);
    died = 0;
    longLived = 0;
    measuredSizes = 0;
    sizeMax = 0;
    sizeSum = 0;
    return snapshot;
  }
}
