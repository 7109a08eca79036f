// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.model;

/**
 * The sum of squared sample weights, exact in 128 bits: a weight can be many gigabytes, and a sum of doubles would
 * depend on the order of addition, while chunks read in parallel must add up to what one reader gets.
 */
final class WeightSquares {

  private long high;
  private long low;

  void add(long weight) {
    add(Math.multiplyHigh(weight, weight), weight * weight);
  }

  void add(WeightSquares other) {
    add(other.high, other.low);
  }

  private void add(long otherHigh, long otherLow) {
    long sum = low + otherLow;
    high += otherHigh + (Long.compareUnsigned(sum, low) < 0 ? 1 : 0);
    low = sum;
  }

  double value() {
    double unsignedLow = (low >>> 1) * 2.0 + (low & 1);
    return high * 0x1p64 + unsignedLow;
  }
}
