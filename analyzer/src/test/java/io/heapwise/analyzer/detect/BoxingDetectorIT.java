// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.analyzer.AnalysisOptions;
import io.heapwise.analyzer.Analyzer;
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

/** BOXING on real recordings of the metrics rollup (a {@code Map<String, Long>}) and its {@code long[]} twin. */
class BoxingDetectorIT {

  private static final String PLANTED = "io.heapwise.samples.boxing.MetricsRollup";
  private static final String TWIN = "io.heapwise.samples.boxing.PrimitiveMetricsRollup";

  private static ClassFiles classFiles;
  private static Path planted;
  private static Path twin;

  @BeforeAll
  static void record() throws Exception {
    Path dir = TestEnvironment.workDir("BoxingDetectorIT");
    planted = SampleRecording.withJdkSettings(PLANTED, "profile", 3, dir, "-Xmx64m").jfr();
    twin = SampleRecording.withJdkSettings(TWIN, "profile", 3, dir, "-Xmx64m").jfr();
    classFiles = ClassFiles.open(List.of(TestEnvironment.samplesClassPath()));
  }

  @AfterAll
  static void close() throws Exception {
    classFiles.close();
  }

  @Test
  void thePlantedLineBoxesLongs() throws Exception {
    PlantedSite site = PlantedSite.of(PLANTED);
    // Boxing needs no bytecode: with and without class files the finding is at the same line, and nothing is
    // undecided; the bytecode only adds what the boxes flow into.
    for (ClassFiles files : List.of(classFiles, ClassFiles.NONE)) {
      Report report = analyze(planted, files);
      List<Finding> findings = report.findings().stream().filter(f -> f.kind() == FindingKind.BOXING).toList();
      assertThat(findings).hasSize(1);
      Finding finding = findings.get(0);
      assertThat(finding.site().className()).isEqualTo(site.className());
      assertThat(finding.site().method()).isEqualTo(site.method());
      assertThat(finding.site().line()).isEqualTo(site.line());
      assertThat(finding.site().allocatedType()).isEqualTo("java.lang.Long");
      assertThat(finding.id()).isEqualTo("BOXING:" + PLANTED + "." + site.method() + ":" + site.line());
      assertThat(finding.evidence()).containsKeys("boxingBytesPerSecond", "shareOfAllocation", "boxesPerSecond",
          "boxedTypes", "samples", "boxingFrames", "boxesFlowInto", "measuredBy");
      assertThat((List<?>) finding.evidence().get("boxingFrames")).first().asString()
          .startsWith("java.lang.Long.valueOf(");
      assertThat((double) finding.evidence().get("shareOfAllocation")).isGreaterThan(0.5);
      assertThat(finding.estimatedSaving().bytesPerSecond()).isPositive();
      assertThat(finding.recommendation()).contains("MetricsRollup.java:" + site.line(), "long[]");
      assertThat(report.undecided()).noneMatch(line -> line.startsWith("BOXING"));
      if (files == classFiles) {
        // The bytecode names what takes the boxes: the Map<String, Long>'s put, after unboxing its get.
        assertThat(finding.evidence().get("boxesFlowInto")).isEqualTo(List.of("java.util.Map.put"));
        assertThat(finding.recommendation()).contains("`Map.put`", "read-modify-write");
      } else {
        assertThat((String) finding.evidence().get("boxesFlowInto")).startsWith("not checked: no class files");
      }
    }
  }

  @Test
  void thePrimitiveTwinHasNoFinding() throws Exception {
    for (ClassFiles files : List.of(classFiles, ClassFiles.NONE)) {
      assertThat(analyze(twin, files).findings()).noneMatch(f -> f.kind() == FindingKind.BOXING);
    }
  }

  private static Report analyze(Path jfr, ClassFiles files) throws Exception {
    return new Analyzer(new Detectors(List.of(new BoxingDetector())))
        .analyze(List.of(jfr), AnalysisOptions.defaults().withClassFiles(files));
  }
}
