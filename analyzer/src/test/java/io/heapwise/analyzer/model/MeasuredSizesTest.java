// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MeasuredSizesTest {

  private static MeasuredSizes sizes(String histogram, long max) {
    Histogram counts = Histogram.parse(histogram, MeasuredSizes::isSizeBucket);
    return new MeasuredSizes(counts.total(), counts, max, 0);
  }

  @Test
  void theBucketSchemeIsExactToEightThenFourBucketsPerPowerOfTwo() {
    for (long bound : new long[] {0, 1, 5, 8, 10, 12, 14, 16, 20, 24, 28, 32, 40, 96, 112, 128, 640, 1 << 20}) {
      assertThat(MeasuredSizes.isSizeBucket(bound)).as("bucket %d", bound).isTrue();
    }
    for (double bound : new double[] {9, 11, 18, 100, 129, 2.5}) {
      assertThat(MeasuredSizes.isSizeBucket(bound)).as("bucket %s", bound).isFalse();
    }
    assertThat(MeasuredSizes.sizeBucketLowerBound(96)).isEqualTo(80);
    assertThat(MeasuredSizes.sizeBucketLowerBound(10)).isEqualTo(8);
    assertThat(MeasuredSizes.sizeBucketLowerBound(5)).isEqualTo(5);
  }

  @Test
  void quantilesInterpolateAndTheCapacityIsTheQuantilesBucketBound() {
    // 3 empty, 120 of 81..96, 20 of 113..128
    MeasuredSizes sizes = sizes("0:3,96:120,128:20", 127);
    assertThat(sizes.quantile(0.5)).isEqualTo(89); // rank 71.5 of 143: 68.5 of 120 into (80, 96]
    assertThat(sizes.quantile(0.0)).isZero();
    assertThat(sizes.capacityFor(0.5)).isEqualTo(96);
    assertThat(sizes.capacityFor(0.9)).isEqualTo(127); // the largest read is below the bucket's bound
  }

  @Test
  void periodsAddUp() {
    MeasuredSizes both = new MeasuredSizes(2, Histogram.parse("3:2", MeasuredSizes::isSizeBucket), 3, 6)
        .plus(new MeasuredSizes(1, Histogram.parse("96:1", MeasuredSizes::isSizeBucket), 90, 90));
    assertThat(both.measured()).isEqualTo(3);
    assertThat(both.max()).isEqualTo(90);
    assertThat(both.mean()).isEqualTo(32.0);
    assertThat(both.sizes().total()).isEqualTo(3);
  }
}
