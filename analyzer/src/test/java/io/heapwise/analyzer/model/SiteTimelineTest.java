// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SiteTimelineTest {

  private static final long SECOND = 1_000_000_000L;
  private static final long ORIGIN = 1_700_000_000L * SECOND;

  @Test
  void slicesWidenAsTheRecordingGoesOnAndKeepEveryByte() {
    SiteTimeline.Builder builder = new SiteTimeline.Builder();
    for (int second = 0; second < 100; second++) {
      builder.add(second * SECOND + SECOND / 2, 10);
    }
    SiteTimeline timeline = builder.build(ORIGIN);

    assertThat(timeline.sliceNanos()).as("50 ms doubled until 64 slices hold 100 s").isEqualTo(1_600_000_000L);
    assertThat(timeline.bytes()).hasSize(SiteTimeline.Builder.SLICES);
    assertThat(timeline.bytesFrom(ORIGIN)).isEqualTo(1_000);
    assertThat(timeline.bytesFrom(ORIGIN + 16 * 1_600_000_000L)).as("the samples at 26.5 s to 99.5 s").isEqualTo(740);
    assertThat(timeline.sliceStartFrom(ORIGIN + SECOND)).isEqualTo(ORIGIN + 1_600_000_000L);
    assertThat(timeline.bytes()[62]).as("99.5 s, in the slice from 99.2 s").isEqualTo(10);
    assertThat(timeline.bytes()[63]).isZero();
  }

  @Test
  void aSiteThatOnlyAllocatedDuringWarmUpHasNothingInTheSlicesAfterIt() {
    SiteTimeline.Builder builder = new SiteTimeline.Builder();
    builder.add(-SECOND, 7);
    builder.add(SECOND / 10, 1_000);
    builder.add(260_000_000L, 1_000);
    SiteTimeline timeline = builder.build(ORIGIN);

    assertThat(timeline.bytesFrom(ORIGIN)).isEqualTo(2_007);
    assertThat(timeline.bytesFrom(ORIGIN + 270_000_000L)).as("from within the last busy slice: none of it")
        .isZero();
    assertThat(timeline.bytes()[5]).as("0.26 s, in the slice from 0.25 s").isEqualTo(1_000);
    assertThat(timeline.bytes()[6]).isZero();
  }

  @Test
  void busySlicesTellSteadyAllocationFromAOneOffCall() {
    SiteTimeline.Builder steady = new SiteTimeline.Builder();
    SiteTimeline.Builder oneOff = new SiteTimeline.Builder();
    for (int tenth = 0; tenth < 100; tenth++) {
      steady.add(tenth * SECOND / 10, 100);
    }
    oneOff.add(0, 1);
    oneOff.add(9 * SECOND, 3_000_000);
    oneOff.add(9 * SECOND + 1, 10);

    assertThat(steady.build(ORIGIN).busySlicesFrom(ORIGIN + 5 * SECOND)).as("5 s to 10 s in 0.2 s slices")
        .isEqualTo(25);
    assertThat(oneOff.build(ORIGIN).busySlicesFrom(ORIGIN)).isEqualTo(2);
    assertThat(oneOff.build(ORIGIN).busySlicesFrom(ORIGIN + SECOND)).isEqualTo(1);
  }
}
