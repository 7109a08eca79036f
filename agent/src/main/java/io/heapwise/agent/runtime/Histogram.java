// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.agent.runtime;

import java.util.Arrays;

/**
 * Counts per bucket over fixed bucket bounds; encoded for the events as {@code key:count} pairs of the non-zero
 * buckets, so that the analyzer needs no copy of the bounds and a reader of {@code jfr print} sees them.
 * Not thread-safe: each histogram is written by one thread at a time, under its site's lock.
 */
final class Histogram {

  /** GC cycles survived, by bucket lower bound: 0, 1, 2, 3, 4-7, 8-15, 16 and more. */
  static final double[] GC_LOWER_BOUNDS = {0, 1, 2, 3, 4, 8, LifetimeTracker.LONG_LIVED_GCS};
  /** Age in milliseconds, by inclusive bucket upper bound; the last bucket is open. */
  static final double[] AGE_UPPER_BOUNDS_MILLIS = {0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000,
      2_000, 5_000, 10_000, 30_000, 60_000, Double.POSITIVE_INFINITY};
  /** Collection sizes, by inclusive bucket upper bound: exact to 8, then four buckets per power of two. */
  static final double[] SIZE_UPPER_BOUNDS = sizeBounds();

  private final double[] bounds;
  private final boolean lowerBounds;
  private long[] counts;

  private Histogram(double[] bounds, boolean lowerBounds) {
    this.bounds = bounds;
    this.lowerBounds = lowerBounds;
    this.counts = new long[bounds.length];
  }

  static Histogram gcCycles() {
    return new Histogram(GC_LOWER_BOUNDS, true);
  }

  static Histogram ageMillis() {
    return new Histogram(AGE_UPPER_BOUNDS_MILLIS, false);
  }

  static Histogram sizes() {
    return new Histogram(SIZE_UPPER_BOUNDS, false);
  }

  void add(double value) {
    counts[bucket(value)]++;
  }

  boolean isEmpty() {
    for (long count : counts) {
      if (count != 0) {
        return false;
      }
    }
    return true;
  }

  /** The counts so far as {@code key:count,...} (non-zero buckets only), and starts again from zero. */
  String drain() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] != 0) {
        if (text.length() > 0) {
          text.append(',');
        }
        text.append(key(bounds[i])).append(':').append(counts[i]);
      }
    }
    Arrays.fill(counts, 0);
    return text.toString();
  }

  private int bucket(double value) {
    if (lowerBounds) {
      int i = bounds.length - 1;
      while (i > 0 && value < bounds[i]) {
        i--;
      }
      return i;
    }
    int i = Arrays.binarySearch(bounds, value);
    return i >= 0 ? i : Math.min(-i - 1, bounds.length - 1);
  }

  private static String key(double bound) {
    if (Double.isInfinite(bound)) {
      return "inf";
    }
    return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
  }

  private static double[] sizeBounds() {
    double[] bounds = new double[9 + 4 * 28 + 1];
    int n = 0;
    for (int size = 0; size <= 8; size++) {
      bounds[n++] = size;
    }
    for (long power = 8; power < (1L << 31); power *= 2) {
      for (int quarter = 1; quarter <= 4; quarter++) {
        bounds[n++] = power + power * quarter / 4;
      }
    }
    bounds[n++] = Double.POSITIVE_INFINITY;
    return Arrays.copyOf(bounds, n);
  }
}
