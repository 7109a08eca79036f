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

/**
 * The tile server against its canvas-reusing twin, under G1 with a 256 MB heap: 1 MiB regions, so the 4 MiB tile
 * canvas is humongous (ImageTiler's Javadoc: humongous with regions of 4 MiB or less).
 */
class LargeArrayIT {

  private static final String PLANTED = "io.heapwise.samples.largearrays.ImageTiler";
  private static final String TWIN = "io.heapwise.samples.largearrays.CanvasReusingImageTiler";
  private static final String[] G1_1MB_REGIONS = {"-XX:+UseG1GC", "-Xmx256m", "-XX:G1HeapRegionSize=1m"};

  private static ClassFiles classFiles;
  private static Path planted;
  private static Path twin;

  @BeforeAll
  static void record() throws Exception {
    Path dir = TestEnvironment.workDir("LargeArrayIT");
    classFiles = ClassFiles.open(List.of(TestEnvironment.samplesClassPath()));
    planted = SampleRecording.withJdkSettings(PLANTED, "profile", 3, dir, G1_1MB_REGIONS).jfr();
    twin = SampleRecording.withJdkSettings(TWIN, "profile", 3, dir, G1_1MB_REGIONS).jfr();
  }

  @AfterAll
  static void close() throws Exception {
    classFiles.close();
  }

  @Test
  void reportsTheHumongousCanvasAtThePlantedLine() throws Exception {
    PlantedSite site = PlantedSite.of(PLANTED);
    Report report = LayoutDetectorsSupport.analyze(planted, classFiles);
    List<Finding> found = LayoutDetectorsSupport.of(report, FindingKind.LARGE_ARRAY);
    assertThat(found).as("%s", report.findings()).hasSize(1);
    Finding canvas = found.get(0);
    assertThat(canvas.id()).isEqualTo("LARGE_ARRAY:" + site.className() + "." + site.method() + ":" + site.line());
    assertThat(canvas.site().allocatedType()).isEqualTo("int[]");
    assertThat(canvas.evidence()).containsKeys("arrayBytes", "sizeFrom", "g1RegionBytes", "regionsPerArray",
        "allocationsPerSecond", "humongousAllocationGcs", "measuredBy");
    assertThat(canvas.evidence()).containsEntry("humongous", true).containsEntry("g1RegionBytes", 1024L * 1024);
    assertThat((long) canvas.evidence().get("arrayBytes")).isBetween(4L * 1024 * 1024, 4L * 1024 * 1024 + 32);
    assertThat((long) canvas.evidence().get("humongousAllocationGcs")).isPositive();
    assertThat(canvas.estimatedSaving().bytesPerSecond()).isPositive();
    assertThat(canvas.recommendation()).contains("ImageTiler.java:" + site.line(), "-XX:G1HeapRegionSize=16m");
  }

  @Test
  void withoutClassFilesTheSizeIsUndecided() throws Exception {
    Report report = LayoutDetectorsSupport.analyze(planted, ClassFiles.NONE);
    assertThat(LayoutDetectorsSupport.of(report, FindingKind.LARGE_ARRAY)).isEmpty();
    assertThat(report.undecided()).anySatisfy(line -> assertThat(line).startsWith("LARGE_ARRAY: the array sizes at")
        .contains("int[] at " + PLANTED, "G1 Humongous Allocation", "--classpath"));
  }

  @Test
  void theTwinHasNoLargeArray() throws Exception {
    assertThat(LayoutDetectorsSupport.of(LayoutDetectorsSupport.analyze(twin, classFiles), FindingKind.LARGE_ARRAY))
        .isEmpty();
    assertThat(LayoutDetectorsSupport.of(LayoutDetectorsSupport.analyze(twin, ClassFiles.NONE),
        FindingKind.LARGE_ARRAY)).isEmpty();
  }
}
