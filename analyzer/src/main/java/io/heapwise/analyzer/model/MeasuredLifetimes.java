// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.model;

import java.util.List;

/**
 * How long the objects of one instrumented site lived, as the agent measured them ({@code heapwise.SiteLifetimes},
 * summed over periods and recordings): it samples about one allocation in {@code sampleInterval} per thread,
 * tracks each sampled object with a weak reference and records, once the object is found dead, the GC cycles it
 * survived and its age.
 *
 * <p>Shares are of the <em>tracked</em> objects: dead, long-lived, or still alive when the recording ended. The
 * last are counted as not dying young although some were born just before the end; so the shares understate
 * short life a little, which is the safe side for advice that assumes it. So, rarely, does a collection that
 * promotes the agent's weak reference to an object early (survivor overflow): the object is then kept until the
 * old generation is marked, and counts as long-lived although it died young.
 *
 * @param samples allocations sampled, tracked or dropped
 * @param exactAllocations every allocation at the site when the agent ran with {@code count=exact} for all of the
 *     merged periods, else {@code -1}
 * @param sampledBytes shallow bytes of the sampled objects
 * @param longLived objects that survived {@value #LONG_LIVED_GC_CYCLES} GC cycles, after which tracking stops
 * @param aliveAtEnd tracked objects still alive, and younger than that, when the recording ended
 * @param dropped samples not tracked because too many objects were in flight
 * @param gcCycles dead and long-lived objects by GC cycles survived; keys are bucket lower bounds
 *     ({@link #GC_CYCLE_BUCKETS})
 * @param ageMillis dead objects by age in ms; keys are bucket upper bounds ({@link #AGE_BUCKETS_MILLIS}); an age
 *     is when the agent saw the object dead, just after the GC that freed it, so an upper bound
 */
public record MeasuredLifetimes(long samples, long sampleInterval, long exactAllocations, long sampledBytes,
    long died, long longLived, long aliveAtEnd, long dropped, Histogram gcCycles, Histogram ageMillis) {

  /** The agent stops tracking an object after this many GC cycles and counts it as long-lived. */
  public static final int LONG_LIVED_GC_CYCLES = 16;
  /** Lower bounds of the GC-cycle buckets: 4 holds 4-7, 8 holds 8-15, 16 holds 16 or more. */
  public static final List<Double> GC_CYCLE_BUCKETS = List.of(0d, 1d, 2d, 3d, 4d, 8d, 16d);
  /** Upper bounds (inclusive) of the age buckets in ms; the last is unbounded. */
  public static final List<Double> AGE_BUCKETS_MILLIS = List.of(0.1, 0.2, 0.5, 1d, 2d, 5d, 10d, 20d, 50d, 100d,
      200d, 500d, 1_000d, 2_000d, 5_000d, 10_000d, 30_000d, 60_000d, Double.POSITIVE_INFINITY);

  public static boolean isGcCycleBucket(double lowerBound) {
    return GC_CYCLE_BUCKETS.contains(lowerBound);
  }

  public static boolean isAgeBucket(double upperBoundMillis) {
    return AGE_BUCKETS_MILLIS.contains(upperBoundMillis);
  }

  /** Where the age bucket with this upper bound starts (exclusive): the previous bucket's upper bound. */
  static double ageBucketLowerBound(double upperBoundMillis) {
    int index = AGE_BUCKETS_MILLIS.indexOf(upperBoundMillis);
    return index <= 0 ? 0 : AGE_BUCKETS_MILLIS.get(index - 1);
  }

  public MeasuredLifetimes {
    gcCycles = gcCycles == null ? Histogram.EMPTY : gcCycles;
    ageMillis = ageMillis == null ? Histogram.EMPTY : ageMillis;
  }

  /** Two periods (or recordings) of one site, or the sites of one line: counts add up. */
  public MeasuredLifetimes plus(MeasuredLifetimes other) {
    return new MeasuredLifetimes(samples + other.samples, Math.max(sampleInterval, other.sampleInterval),
        exactAllocations < 0 || other.exactAllocations < 0 ? -1 : exactAllocations + other.exactAllocations,
        sampledBytes + other.sampledBytes, died + other.died, longLived + other.longLived,
        aliveAtEnd + other.aliveAtEnd, dropped + other.dropped, gcCycles.plus(other.gcCycles),
        ageMillis.plus(other.ageMillis));
  }

  /** Objects whose life the agent followed: dead, long-lived or alive at the end. */
  public long tracked() {
    return died + longLived + aliveAtEnd;
  }

  /** Share of tracked objects that died before the first GC after their allocation: they cost the GC nothing. */
  public double diedBeforeFirstGcShare() {
    return share(gcCycles.count(0));
  }

  /** Share of tracked objects dead by their second GC: copied at most once, never promoted. */
  public double diedWithinOneGcShare() {
    return share(gcCycles.count(0) + gcCycles.count(1));
  }

  /** Share of tracked objects that lived through {@value #LONG_LIVED_GC_CYCLES} GC cycles. */
  public double longLivedShare() {
    return share(longLived);
  }

  /** Share of tracked objects still alive, and not yet long-lived, when the recording ended. */
  public double aliveAtEndShare() {
    return share(aliveAtEnd);
  }

  /** Share of samples the agent could not track; when high, the tracked ones may not represent the site. */
  public double droppedShare() {
    return samples > 0 ? (double) dropped / samples : 0;
  }

  /** The age in ms below which {@code quantile} of the dead objects died; {@code -1} when none died. */
  public double ageQuantileMillis(double quantile) {
    return ageMillis.quantileOfUpperBounds(quantile, MeasuredLifetimes::ageBucketLowerBound);
  }

  public double medianAgeMillis() {
    return ageQuantileMillis(0.5);
  }

  public double p90AgeMillis() {
    return ageQuantileMillis(0.9);
  }

  /** Allocations at the site: exact when counted, else samples times the sampling interval. */
  public long estimatedAllocations() {
    return exactAllocations >= 0 ? exactAllocations : samples * Math.max(1, sampleInterval);
  }

  private double share(long count) {
    long tracked = tracked();
    return tracked > 0 ? Math.min(1, (double) count / tracked) : 0;
  }
}
