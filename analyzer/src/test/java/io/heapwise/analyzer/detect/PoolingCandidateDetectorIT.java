// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.analyzer.finding.Finding;
import io.heapwise.analyzer.finding.FindingKind;
import io.heapwise.analyzer.testing.PlantedSite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A fresh 64 KiB buffer per request, and the twin that reuses one. */
class PoolingCandidateDetectorIT {

  private static final String PLANTED = "io.heapwise.samples.pooling.RequestHandlerLoop";
  private static final String TWIN = "io.heapwise.samples.pooling.BufferReusingRequestHandlerLoop";

  private static LifetimeDetectorsRun planted;
  private static LifetimeDetectorsRun twin;

  @BeforeAll
  static void record() throws Exception {
    planted = LifetimeDetectorsRun.of(PLANTED, "PoolingCandidateDetectorIT");
    twin = LifetimeDetectorsRun.of(TWIN, "PoolingCandidateDetectorIT");
  }

  @Test
  void reportsTheBufferLineAsAPoolingCandidateOnly() throws Exception {
    PlantedSite site = PlantedSite.of(PLANTED);
    assertThat(site.kind()).isEqualTo("POOLING_CANDIDATE");
    // One piece of advice per line: the buffer is large, so HOT_SHORT_LIVED ("do not pool") must not speak too.
    assertThat(LifetimeDetectorsRun.atLine(planted.withClassFiles(), site)).singleElement()
        .satisfies(finding -> {
          assertThat(finding.kind()).isEqualTo(FindingKind.POOLING_CANDIDATE);
          assertThat(finding.site().allocatedType()).isEqualTo("byte[]");
          assertThat(finding.evidence()).containsEntry("bufferBytes", 64L * 1024 + 16)
              .containsKeys("bytesPerSecond", "allocationShare", "buffersPerSecond", "sizeMeasuredBy",
                  "survivorSamples", "retainedShareOfAllocation", "measuredBy");
          assertThat(finding.evidence().get("sizeMeasuredBy").toString()).contains("constant array length 65536");
          assertThat(finding.estimatedSaving().bytesPerSecond()).isPositive();
          assertThat(finding.estimatedSaving().shareOfAllocation()).isGreaterThan(0.5);
          assertThat(finding.recommendation()).contains("RequestHandlerLoop.java:" + site.line(), "64 KiB",
              "ThreadLocal");
        });
  }

  @Test
  void withoutClassFilesTheSizeIsUndecidedAndNeitherKindGuesses() throws Exception {
    PlantedSite site = PlantedSite.of(PLANTED);
    assertThat(LifetimeDetectorsRun.atLine(planted.withoutClassFiles(), site)).isEmpty();
    assertThat(planted.withoutClassFiles().undecided())
        .anySatisfy(line -> assertThat(line).startsWith("POOLING_CANDIDATE: byte[] at")
            .contains("RequestHandlerLoop.java:" + site.line(), "--classpath"));
  }

  @Test
  void theTwinGetsNoLifetimeFinding() {
    assertThat(twin.withClassFiles().findings()).extracting(Finding::kind)
        .doesNotContainAnyElementsOf(LifetimeDetectorsRun.KINDS);
    assertThat(twin.withoutClassFiles().findings()).extracting(Finding::kind)
        .doesNotContainAnyElementsOf(LifetimeDetectorsRun.KINDS);
  }
}
