// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.analyzer.bytecode.ClassFiles;
import io.heapwise.analyzer.finding.Finding;
import io.heapwise.analyzer.finding.FindingKind;
import io.heapwise.analyzer.report.Report;
import io.heapwise.analyzer.testing.PlantedSite;
import io.heapwise.analyzer.testing.SampleRecording;
import io.heapwise.analyzer.testing.TestEnvironment;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The linked-road router against its compressed-sparse-rows twin, recorded by the JDK's {@code profile}. */
class PointerHeavyClassIT {

  private static final String PLANTED = "io.heapwise.samples.pointers.GraphWalk";
  private static final String TWIN = "io.heapwise.samples.pointers.CompactGraphWalk";
  private static final String ROAD = "io.heapwise.samples.pointers.GraphWalk$Road";

  private static ClassFiles classFiles;
  private static Path planted;
  private static Path twin;

  @BeforeAll
  static void record() throws Exception {
    Path dir = TestEnvironment.workDir("PointerHeavyClassIT");
    classFiles = ClassFiles.open(List.of(TestEnvironment.samplesClassPath()));
    planted = SampleRecording.withJdkSettings(PLANTED, "profile", 3, dir, "-Xmx64m", "-XX:+UseG1GC").jfr();
    twin = SampleRecording.withJdkSettings(TWIN, "profile", 3, dir, "-Xmx64m", "-XX:+UseG1GC").jfr();
  }

  @AfterAll
  static void close() throws Exception {
    classFiles.close();
  }

  @Test
  void reportsTheRoadAtThePlantedLine() throws Exception {
    PlantedSite site = PlantedSite.of(PLANTED);
    Report report = LayoutDetectorsSupport.analyze(planted, classFiles);
    Finding road = LayoutDetectorsSupport.of(report, FindingKind.POINTER_HEAVY_CLASS).stream()
        .filter(f -> f.type().equals(ROAD)).findFirst().orElseThrow(() -> new AssertionError(report.findings()));
    assertThat(road.site().className()).isEqualTo(site.className());
    assertThat(road.site().method()).isEqualTo(site.method());
    assertThat(road.site().line()).isEqualTo(site.line());
    assertThat(road.site().allocatedType()).isEqualTo(ROAD);
    assertThat(road.evidence()).containsKeys("objectModel", "instanceBytes", "headerBytes", "referenceBytes",
        "paddingBytes", "pointerShare", "allocationShare", "survivorSamples", "measuredBy");
    assertThat(road.evidence()).containsEntry("referenceCount", 2L);
    assertThat(road.evidence().get("selfTypedFields")).isEqualTo(List.of(ROAD + " next"));
    // JDK 17 and 25 defaults (compressed oops and class pointers): 12-byte header + 4 + 4 + 4.
    assertThat(road.evidence()).containsEntry("headerBytes", 12L).containsEntry("instanceBytes", 24L);
    assertThat((double) road.evidence().get("pointerShare")).isGreaterThanOrEqualTo(0.6);
    assertThat(road.estimatedSaving().bytesPerSecond()).isPositive();
    assertThat(road.recommendation()).contains("GraphWalk.java:" + site.line(), "int[]");
  }

  @Test
  void withoutClassFilesSaysWhatItCouldNotCompute() throws Exception {
    Report report = LayoutDetectorsSupport.analyze(planted, ClassFiles.NONE);
    assertThat(LayoutDetectorsSupport.of(report, FindingKind.POINTER_HEAVY_CLASS)).isEmpty();
    assertThat(report.undecided()).anySatisfy(line -> assertThat(line)
        .startsWith("POINTER_HEAVY_CLASS: no class files for ").contains(ROAD, "pass --classpath"));
  }

  @Test
  void theTwinHasNoPointerHeavyClass() throws Exception {
    assertThat(LayoutDetectorsSupport.of(LayoutDetectorsSupport.analyze(twin, classFiles),
        FindingKind.POINTER_HEAVY_CLASS)).isEmpty();
    assertThat(LayoutDetectorsSupport.of(LayoutDetectorsSupport.analyze(twin, ClassFiles.NONE),
        FindingKind.POINTER_HEAVY_CLASS)).isEmpty();
  }
}
