// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.analyzer.finding.Finding;
import io.heapwise.analyzer.finding.FindingKind;
import io.heapwise.analyzer.testing.PlantedSite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code line.split(" ")} in the log aggregator, and its twin that scans the line in place. */
class HotShortLivedDetectorIT {

  private static final String PLANTED = "io.heapwise.samples.shortlived.LogAggregator";
  private static final String TWIN = "io.heapwise.samples.shortlived.ScanningLogAggregator";

  private static LifetimeDetectorsRun planted;
  private static LifetimeDetectorsRun twin;

  @BeforeAll
  static void record() throws Exception {
    planted = LifetimeDetectorsRun.of(PLANTED, "HotShortLivedDetectorIT");
    twin = LifetimeDetectorsRun.of(TWIN, "HotShortLivedDetectorIT");
  }

  @Test
  void reportsTheSplitLineAsOneFindingAcrossItsTypes() throws Exception {
    PlantedSite site = PlantedSite.of(PLANTED);
    assertThat(site.kind()).isEqualTo("HOT_SHORT_LIVED");
    assertThat(LifetimeDetectorsRun.atLine(planted.withClassFiles(), site)).singleElement()
        .satisfies(finding -> {
          assertThat(finding.kind()).isEqualTo(FindingKind.HOT_SHORT_LIVED);
          assertThat(finding.id()).isEqualTo("HOT_SHORT_LIVED:" + PLANTED + ".ingest:" + site.line());
          assertThat(finding.evidence()).containsKeys("lineShare", "bytesPerSecond", "allocatedTypes",
              "mechanisms", "survivorSamples", "retainedShareOfAllocation", "collectionsCaused", "measuredBy");
          assertThat(finding.evidence().get("allocatedTypes").toString()).contains("java.lang.String=", "byte[]=");
          assertThat(finding.evidence().get("mechanisms").toString()).contains("String.split");
          assertThat((double) finding.evidence().get("lineShare")).isGreaterThan(0.5);
          assertThat((double) finding.evidence().get("retainedShareOfAllocation")).isLessThan(0.05);
          assertThat(finding.estimatedSaving().bytesPerSecond()).isPositive();
          assertThat(finding.estimatedSaving().shareOfAllocation()).isGreaterThan(0.5);
          assertThat(finding.recommendation()).contains("LogAggregator.java:" + site.line(), "indexOf",
              "Do not pool", "TLAB");
        });
  }

  @Test
  void needsNoClassFiles() throws Exception {
    PlantedSite site = PlantedSite.of(PLANTED);
    assertThat(LifetimeDetectorsRun.atLine(planted.withoutClassFiles(), site)).extracting(Finding::kind)
        .containsExactly(FindingKind.HOT_SHORT_LIVED);
  }

  @Test
  void theTwinGetsNoLifetimeFinding() {
    assertThat(twin.withClassFiles().findings()).extracting(Finding::kind)
        .doesNotContainAnyElementsOf(LifetimeDetectorsRun.KINDS);
    assertThat(twin.withoutClassFiles().findings()).extracting(Finding::kind)
        .doesNotContainAnyElementsOf(LifetimeDetectorsRun.KINDS);
  }
}
