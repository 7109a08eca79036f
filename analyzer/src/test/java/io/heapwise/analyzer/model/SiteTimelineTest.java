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

    assertThat(timeline.sliceNanos()).isEqualTo(4 * SECOND);
    assertThat(timeline.bytes()).hasSize(SiteTimeline.Builder.SLICES);
    assertThat(timeline.bytesFrom(ORIGIN)).isEqualTo(1_000);
    assertThat(timeline.bytesFrom(ORIGIN + 50 * SECOND)).isEqualTo(500);
    assertThat(timeline.bytesFrom(ORIGIN + 50 * SECOND + SECOND / 4)).isBetween(497.0, 500.0);
    assertThat(timeline.lastActiveEpochNanos()).isEqualTo(ORIGIN + 100 * SECOND);
  }

  @Test
  void aSiteThatOnlyAllocatedDuringWarmUpHasNothingLater() {
    SiteTimeline.Builder builder = new SiteTimeline.Builder();
    builder.add(-SECOND, 7);
    builder.add(2 * SECOND, 1_000);
    builder.add(3 * SECOND, 1_000);
    SiteTimeline timeline = builder.build(ORIGIN);

    assertThat(timeline.bytesFrom(ORIGIN)).isEqualTo(2_007);
    assertThat(timeline.bytesFrom(ORIGIN + 4 * SECOND)).isZero();
    assertThat(timeline.lastActiveEpochNanos()).isEqualTo(ORIGIN + 4 * SECOND);
  }
}
