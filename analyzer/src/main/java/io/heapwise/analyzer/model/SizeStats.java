// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.model;

/**
 * Exact object sizes seen at a site, from events that carry them (TLAB events' {@code allocationSize}). Kept as
 * count, extremes and a power-of-two histogram: enough to suggest a capacity, constant in memory.
 */
public final class SizeStats {

  private static final int BUCKETS = 64;

  private long count;
  private long sum;
  private long min = Long.MAX_VALUE;
  private long max;
  private final long[] log2Buckets = new long[BUCKETS];

  void add(long bytes) {
    if (bytes <= 0) {
      return;
    }
    count++;
    sum += bytes;
    min = Math.min(min, bytes);
    max = Math.max(max, bytes);
    log2Buckets[63 - Long.numberOfLeadingZeros(bytes)]++;
  }

  /** Adds the sizes {@code other} counted. */
  void add(SizeStats other) {
    count += other.count;
    sum += other.sum;
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
    for (int i = 0; i < BUCKETS; i++) {
      log2Buckets[i] += other.log2Buckets[i];
    }
  }

  /** A copy that later sizes do not change, for a profile built while events still arrive. */
  SizeStats copy() {
    SizeStats copy = new SizeStats();
    copy.count = count;
    copy.sum = sum;
    copy.min = min;
    copy.max = max;
    System.arraycopy(log2Buckets, 0, copy.log2Buckets, 0, BUCKETS);
    return copy;
  }

  public long count() {
    return count;
  }

  /** {@code -1} when no size was seen. */
  public long min() {
    return count == 0 ? -1 : min;
  }

  /** {@code -1} when no size was seen. */
  public long max() {
    return count == 0 ? -1 : max;
  }

  public double mean() {
    return count == 0 ? -1 : (double) sum / count;
  }

  /** The upper bound (exclusive) of the power-of-two bucket holding the given quantile; {@code -1} when empty. */
  public long quantileUpperBound(double quantile) {
    if (count == 0) {
      return -1;
    }
    long rank = (long) Math.ceil(quantile * count);
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += log2Buckets[i];
      if (seen >= rank) {
        return i >= 62 ? Long.MAX_VALUE : 1L << (i + 1);
      }
    }
    return max;
  }
}
