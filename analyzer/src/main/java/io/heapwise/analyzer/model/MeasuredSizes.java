// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.model;

/**
 * The sizes the agent read from the default-capacity collections of one constructor site when their allocating
 * method returned ({@code heapwise.CollectionSizes}, summed over periods and recordings): elements for
 * collections, chars for {@code StringBuilder}, bytes for {@code ByteArrayOutputStream}.
 *
 * @param measured collections whose size was read
 * @param sizes by size; keys are bucket upper bounds: 0 to 8 exactly, then four buckets per power of two p
 *     ending at 1.25p, 1.5p, 1.75p and 2p (10, 12, 14, 16, 20, 24, ...)
 * @param max the largest size read
 * @param sum all sizes read, for the mean
 */
public record MeasuredSizes(long measured, Histogram sizes, long max, long sum) {

  /** Up to this size every bucket holds exactly one size. */
  private static final long EXACT_BUCKETS_UP_TO = 8;

  public MeasuredSizes {
    sizes = sizes == null ? Histogram.EMPTY : sizes;
  }

  /** Whether {@code upperBound} is a bucket of the size scheme. */
  public static boolean isSizeBucket(double upperBound) {
    if (upperBound != Math.rint(upperBound) || upperBound < 0 || upperBound > Long.MAX_VALUE / 2) {
      return false;
    }
    long upper = (long) upperBound;
    if (upper <= EXACT_BUCKETS_UP_TO) {
      return true;
    }
    long power = Long.highestOneBit(upper - 1);
    return upper % (power / 4) == 0;
  }

  /** Where the bucket with this upper bound starts (exclusive), or the size itself for the exact buckets. */
  static double sizeBucketLowerBound(double upperBound) {
    long upper = (long) upperBound;
    if (upper <= EXACT_BUCKETS_UP_TO) {
      return upper;
    }
    return upper - Long.highestOneBit(upper - 1) / 4;
  }

  public MeasuredSizes plus(MeasuredSizes other) {
    return new MeasuredSizes(measured + other.measured, sizes.plus(other.sizes), Math.max(max, other.max),
        sum + other.sum);
  }

  public double mean() {
    return measured > 0 ? (double) sum / measured : -1;
  }

  /** The size below which {@code quantile} of the collections stayed, interpolated inside its bucket. */
  public long quantile(double quantile) {
    double value = sizes.quantileOfUpperBounds(quantile, MeasuredSizes::sizeBucketLowerBound);
    return value < 0 ? -1 : Math.min(max, Math.round(value));
  }

  /**
   * A capacity that holds {@code quantile} of the collections without growing: the upper bound of that
   * quantile's bucket (every size in it fits), or the largest size read when that is smaller.
   */
  public long capacityFor(double quantile) {
    double bucket = sizes.bucketOfQuantile(quantile);
    return bucket < 0 ? -1 : Math.min(max, (long) bucket);
  }
}
