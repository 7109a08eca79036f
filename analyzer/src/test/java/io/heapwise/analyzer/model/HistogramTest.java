// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HistogramTest {

  private static Histogram gc(String text) {
    return Histogram.parse(text, MeasuredLifetimes::isGcCycleBucket);
  }

  private static Histogram age(String text) {
    return Histogram.parse(text, MeasuredLifetimes::isAgeBucket);
  }

  @Test
  void parsesTheContractsTextForm() {
    Histogram histogram = gc("0:940,1:31,16:2");
    assertThat(histogram.total()).isEqualTo(973);
    assertThat(histogram.count(0)).isEqualTo(940);
    assertThat(histogram.count(16)).isEqualTo(2);
    assertThat(histogram.count(4)).isZero();
    assertThat(histogram).hasToString("0:940,1:31,16:2");
    assertThat(age(" 0.1:3, 2:12 ,inf:1").counts()).containsExactly(Map.entry(0.1, 3L), Map.entry(2.0, 12L),
        Map.entry(Double.POSITIVE_INFINITY, 1L));
  }

  @Test
  void emptyOrAbsentIsAnEmptyHistogram() {
    assertThat(gc("")).isEqualTo(Histogram.EMPTY);
    assertThat(gc(null).total()).isZero();
  }

  @Test
  void malformedTextSaysWhatIsWrong() {
    assertThatThrownBy(() -> gc("0:940,x:3")).hasMessage("bucket 'x' is not a number");
    assertThatThrownBy(() -> gc("0:940;1:3")).hasMessage("count '940;1:3' is not a whole number");
    assertThatThrownBy(() -> gc("0:940,5:3")).hasMessage("no bucket 5 in this histogram's scheme");
    assertThatThrownBy(() -> gc("0:1,0:2")).hasMessage("bucket 0 appears twice");
    assertThatThrownBy(() -> gc("0:-4")).hasMessage("count '-4' is negative");
    assertThatThrownBy(() -> gc("0:1,")).hasMessage("'' is not bucket:count");
    assertThatThrownBy(() -> age("3:1")).hasMessage("no bucket 3 in this histogram's scheme");
  }

  @Test
  void periodsMergeByAddingCountsPerBucket() {
    assertThat(gc("0:940,1:31").plus(gc("0:60,16:2"))).isEqualTo(gc("0:1000,1:31,16:2"));
    assertThat(gc("0:1").plus(Histogram.EMPTY)).isEqualTo(gc("0:1"));
  }

  /** 100 ages: 10 up to 1 ms, 80 in (1, 2], 10 in (2, 5]: the median is halfway into the (1, 2] bucket. */
  @Test
  void quantilesInterpolateInsideTheBucket() {
    MeasuredLifetimes lifetimes = new MeasuredLifetimes(100, 1, -1, 0, 100, 0, 0, 0, gc("0:100"),
        age("1:10,2:80,5:10"));
    assertThat(lifetimes.medianAgeMillis()).isCloseTo(1.5, within(1e-9));
    assertThat(lifetimes.p90AgeMillis()).isCloseTo(2.0, within(1e-9));
    assertThat(lifetimes.ageQuantileMillis(0.05)).isCloseTo(0.5 * 1 + 0.5 * 0.5, within(1e-9));
    assertThat(age("1:10,2:80,5:10").bucketOfQuantile(0.95)).isEqualTo(5.0);
  }

  @Test
  void anUnboundedBucketGivesItsLowerBound() {
    MeasuredLifetimes old = new MeasuredLifetimes(4, 1, -1, 0, 4, 0, 0, 0, gc("8:4"), age("inf:4"));
    assertThat(old.medianAgeMillis()).isEqualTo(60_000.0);
  }
}
