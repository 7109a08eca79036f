// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.analyzer.finding.Finding;
import io.heapwise.analyzer.finding.FindingKind;
import io.heapwise.analyzer.testing.PlantedSite;
import io.heapwise.analyzer.testing.TestEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A thread started per thumbnail tile, and the twin that hands the tiles to a fixed pool. */
class ThreadChurnDetectorIT {

  private static final String PLANTED = "io.heapwise.samples.threads.ThumbnailRenderer";
  private static final String TWIN = "io.heapwise.samples.threads.PooledThumbnailRenderer";

  private static LifetimeDetectorsRun planted;
  private static LifetimeDetectorsRun twin;

  @BeforeAll
  static void record() throws Exception {
    planted = LifetimeDetectorsRun.of(PLANTED, "ThreadChurnDetectorIT");
    twin = LifetimeDetectorsRun.of(TWIN, "ThreadChurnDetectorIT");
  }

  @Test
  void reportsTheLineThatStartsTheThreads() throws Exception {
    PlantedSite site = PlantedSite.of(PLANTED);
    assertThat(site.kind()).isEqualTo("THREAD_CHURN");
    assertThat(LifetimeDetectorsRun.atLine(planted.withClassFiles(), site)).singleElement()
        .satisfies(finding -> {
          assertThat(finding.kind()).isEqualTo(FindingKind.THREAD_CHURN);
          assertThat(finding.id()).isEqualTo("THREAD_CHURN:" + PLANTED + ".renderBatch:" + site.line());
          assertThat(finding.evidence()).containsKeys("threadsStarted", "startsPerSecond", "peakLiveThreads",
              "threadStackBytes", "stackReservedPerSecondBytes", "threadObjectBytesPerSecond", "measuredBy");
          assertThat((double) finding.evidence().get("startsPerSecond"))
              .isGreaterThanOrEqualTo(ThreadChurnDetector.MIN_STARTS_PER_SECOND.defaultValue());
          assertThat((long) finding.evidence().get("peakLiveThreads")).isPositive();
          // Thread creation is native cost: the saving is only the sampled Thread objects, possibly none.
          assertThat(finding.estimatedSaving().bytesPerSecond()).isNotNegative();
          assertThat(finding.confidenceNote()).contains("native");
          assertThat(finding.recommendation()).contains("ThumbnailRenderer.java:" + site.line(), "ExecutorService");
          if (TestEnvironment.javaFeatureVersion() >= 21) {
            assertThat(finding.recommendation()).contains("newVirtualThreadPerTaskExecutor");
          } else {
            assertThat(finding.recommendation()).doesNotContain("newVirtualThreadPerTaskExecutor");
          }
        });
  }

  @Test
  void needsNoClassFiles() throws Exception {
    PlantedSite site = PlantedSite.of(PLANTED);
    assertThat(LifetimeDetectorsRun.atLine(planted.withoutClassFiles(), site)).extracting(Finding::kind)
        .containsExactly(FindingKind.THREAD_CHURN);
  }

  @Test
  void theTwinGetsNoLifetimeFinding() {
    assertThat(twin.withClassFiles().findings()).extracting(Finding::kind)
        .doesNotContainAnyElementsOf(LifetimeDetectorsRun.KINDS);
  }
}
