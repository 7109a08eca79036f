// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MeasuredLifetimesTest {

  private static MeasuredLifetimes period(long exact, long died, long longLived, long aliveAtEnd, String gc,
      String age) {
    return new MeasuredLifetimes(died + longLived + aliveAtEnd + 10, 256, exact, 1_000, died, longLived, aliveAtEnd,
        10, Histogram.parse(gc, MeasuredLifetimes::isGcCycleBucket),
        Histogram.parse(age, MeasuredLifetimes::isAgeBucket));
  }

  @Test
  void sharesAreOfEveryTrackedObjectIncludingThoseAliveAtTheEnd() {
    MeasuredLifetimes lifetimes = period(-1, 980, 10, 10, "0:960,1:20,16:10", "5:980");
    assertThat(lifetimes.tracked()).isEqualTo(1_000);
    assertThat(lifetimes.diedBeforeFirstGcShare()).isCloseTo(0.96, within(1e-9));
    assertThat(lifetimes.diedWithinOneGcShare()).isCloseTo(0.98, within(1e-9));
    assertThat(lifetimes.longLivedShare()).isCloseTo(0.01, within(1e-9));
    assertThat(lifetimes.aliveAtEndShare()).isCloseTo(0.01, within(1e-9));
    assertThat(lifetimes.droppedShare()).isCloseTo(10.0 / 1_010, within(1e-9));
    assertThat(lifetimes.estimatedAllocations()).isEqualTo(1_010 * 256);
  }

  @Test
  void periodsAddUpAndExactCountsStayExactOnlyWhenEveryPeriodHasThem() {
    MeasuredLifetimes first = period(50_000, 100, 0, 0, "0:100", "1:100");
    MeasuredLifetimes second = period(70_000, 50, 5, 5, "0:40,2:10,16:5", "2:50");
    MeasuredLifetimes both = first.plus(second);
    assertThat(both.exactAllocations()).isEqualTo(120_000);
    assertThat(both.died()).isEqualTo(150);
    assertThat(both.aliveAtEnd()).isEqualTo(5);
    assertThat(both.gcCycles().counts()).containsEntry(0.0, 140L).containsEntry(2.0, 10L).containsEntry(16.0, 5L);
    assertThat(both.ageMillis().total()).isEqualTo(150);
    assertThat(first.plus(period(-1, 1, 0, 0, "0:1", "1:1")).exactAllocations()).isEqualTo(-1);
  }

  @Test
  void nothingTrackedHasNoShareAndNoAge() {
    MeasuredLifetimes none = new MeasuredLifetimes(3, 256, -1, 0, 0, 0, 0, 3, null, null);
    assertThat(none.diedBeforeFirstGcShare()).isZero();
    assertThat(none.medianAgeMillis()).isEqualTo(-1);
    assertThat(none.droppedShare()).isEqualTo(1.0);
  }
}
