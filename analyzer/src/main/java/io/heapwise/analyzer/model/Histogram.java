// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.model;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.DoublePredicate;
import java.util.function.DoubleUnaryOperator;

/**
 * Counts per bucket of one of the agent's histograms, keyed by the bucket bound the agent writes (a lower bound
 * for GC cycles, an upper bound for ages and sizes; {@code +Infinity} for {@code inf}). Immutable; periods merge
 * by adding counts per bucket.
 */
public final class Histogram {

  public static final Histogram EMPTY = new Histogram(new TreeMap<>());

  private final NavigableMap<Double, Long> counts;
  private final long total;

  private Histogram(TreeMap<Double, Long> counts) {
    this.counts = Collections.unmodifiableNavigableMap(counts);
    long sum = 0;
    for (long count : counts.values()) {
      sum += count;
    }
    this.total = sum;
  }

  /** Tests and callers that already hold counts; zero counts are dropped, negative ones rejected. */
  public static Histogram of(Map<Double, Long> counts) {
    TreeMap<Double, Long> copy = new TreeMap<>();
    counts.forEach((bound, count) -> {
      if (count < 0) {
        throw new IllegalArgumentException("negative count " + count + " in bucket " + label(bound));
      }
      if (count > 0) {
        copy.put(bound, count);
      }
    });
    return new Histogram(copy);
  }

  /**
   * Reads the contract's text form, {@code k:count} pairs separated by commas ({@code 0:940,1:31,16:2}); empty or
   * {@code null} is an empty histogram.
   *
   * @param knownBucket the bounds the histogram's bucket scheme has; any other is a malformed histogram
   * @throws IllegalArgumentException naming the first thing wrong, for the recording's problems
   */
  public static Histogram parse(String text, DoublePredicate knownBucket) {
    if (text == null || text.isBlank()) {
      return EMPTY;
    }
    TreeMap<Double, Long> counts = new TreeMap<>();
    for (String pair : text.split(",", -1)) {
      int colon = pair.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("'" + pair.strip() + "' is not bucket:count");
      }
      double bound = bound(pair.substring(0, colon).strip());
      long count = count(pair.substring(colon + 1).strip());
      if (!knownBucket.test(bound)) {
        throw new IllegalArgumentException("no bucket " + label(bound) + " in this histogram's scheme");
      }
      if (counts.put(bound, count) != null) {
        throw new IllegalArgumentException("bucket " + label(bound) + " appears twice");
      }
    }
    return of(counts);
  }

  private static double bound(String text) {
    if (text.equalsIgnoreCase("inf") || text.equalsIgnoreCase("infinity")) {
      return Double.POSITIVE_INFINITY;
    }
    try {
      double bound = Double.parseDouble(text);
      if (!Double.isFinite(bound) || bound < 0) {
        throw new IllegalArgumentException("bucket '" + text + "' is not a non-negative number");
      }
      return bound;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bucket '" + text + "' is not a number", e);
    }
  }

  private static long count(String text) {
    try {
      long count = Long.parseLong(text);
      if (count < 0) {
        throw new IllegalArgumentException("count '" + text + "' is negative");
      }
      return count;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("count '" + text + "' is not a whole number", e);
    }
  }

  /** The bound as the contract writes it: {@code 0.1}, {@code 16}, {@code inf}. */
  public static String label(double bound) {
    if (bound == Double.POSITIVE_INFINITY) {
      return "inf";
    }
    return bound == Math.rint(bound) ? String.format(Locale.ROOT, "%d", (long) bound) : Double.toString(bound);
  }

  public Histogram plus(Histogram other) {
    TreeMap<Double, Long> sum = new TreeMap<>(counts);
    other.counts.forEach((bound, count) -> sum.merge(bound, count, Long::sum));
    return new Histogram(sum);
  }

  /** Non-zero buckets in ascending order of their bound. */
  public NavigableMap<Double, Long> counts() {
    return counts;
  }

  public long count(double bound) {
    return counts.getOrDefault(bound, 0L);
  }

  public long total() {
    return total;
  }

  /**
   * The value below which {@code quantile} of the counts fall, for a histogram keyed by bucket upper bounds:
   * interpolated linearly inside the bucket {@code (lowerBoundOf(upper), upper]}, because values inside a bucket
   * are unknown and evenly spread is the least presumptuous guess. In an unbounded last bucket, its lower bound
   * (so "at least"). {@code -1} when empty.
   */
  public double quantileOfUpperBounds(double quantile, DoubleUnaryOperator lowerBoundOf) {
    if (total == 0) {
      return -1;
    }
    double rank = Math.max(0, Math.min(1, quantile)) * total;
    long before = 0;
    for (Map.Entry<Double, Long> bucket : counts.entrySet()) {
      long count = bucket.getValue();
      if (before + count >= rank) {
        double upper = bucket.getKey();
        double lower = lowerBoundOf.applyAsDouble(upper);
        if (upper == Double.POSITIVE_INFINITY) {
          return lower;
        }
        return lower + (upper - lower) * (rank - before) / count;
      }
      before += count;
    }
    return counts.lastKey();
  }

  /** The upper bound of the bucket holding {@code quantile} of the counts; {@code -1} when empty. */
  public double bucketOfQuantile(double quantile) {
    if (total == 0) {
      return -1;
    }
    double rank = Math.max(0, Math.min(1, quantile)) * total;
    long before = 0;
    for (Map.Entry<Double, Long> bucket : counts.entrySet()) {
      before += bucket.getValue();
      if (before >= rank) {
        return bucket.getKey();
      }
    }
    return counts.lastKey();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Histogram h && counts.equals(h.counts);
  }

  @Override
  public int hashCode() {
    return counts.hashCode();
  }

  /** The contract's text form, e.g. {@code 0:940,1:31,16:2}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    counts.forEach((bound, count) -> text.append(text.length() == 0 ? "" : ",").append(label(bound)).append(':')
        .append(count));
    return text.toString();
  }
}
