// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import static io.heapwise.analyzer.model.TestProfiles.profile;
import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.analyzer.AnalysisOptions;
import io.heapwise.analyzer.bytecode.ClassFiles;
import io.heapwise.analyzer.Analyzer;
import io.heapwise.analyzer.finding.Confidence;
import io.heapwise.analyzer.finding.Finding;
import io.heapwise.analyzer.finding.Severity;
import io.heapwise.analyzer.model.AllocationProfile;
import io.heapwise.analyzer.report.Report;
import io.heapwise.analyzer.testing.PlantedSite;
import io.heapwise.analyzer.testing.TestEnvironment;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoxingDetectorTest {

  private static final long MB = 1024 * 1024;

  /** Integers and Doubles boxed on one line are one finding; the line's boxes are the saving. */
  @Test
  void boxesOfOneLineAreGroupedAcrossTypes() {
    AllocationProfile profile = profile()
        .site("java.lang.Integer", "Integer.valueOf", 30 * MB, 120, "java.lang.Integer.valueOf",
            "com.acme.Stats.add:20")
        .site("java.lang.Double", "Double.valueOf", 10 * MB, 40, "java.lang.Double.valueOf", "com.acme.Stats.add:20")
        .site("byte[]", null, 60 * MB, 200, "com.acme.Io.read:5")
        .build();
    Finding finding = only(analyze(profile));
    assertThat(finding.site().line()).isEqualTo(20);
    assertThat(finding.site().allocatedType()).isEqualTo("java.lang.Integer");
    assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
    assertThat((List<?>) finding.evidence().get("boxedTypes")).hasSize(2);
    // 3 MB/s of 16-byte Integers and 1 MB/s of 24-byte Doubles.
    assertThat((double) finding.evidence().get("boxesPerSecond")).isEqualTo(3.0 * MB / 16 + 1.0 * MB / 24);
    assertThat(finding.estimatedSaving().bytesPerSecond()).isEqualTo(4.0 * MB);
    assertThat(finding.estimatedSaving().shareOfAllocation()).isEqualTo(0.4);
    assertThat(finding.recommendation()).contains("Stats.java:20", "int[]");
    assertThat(finding.confidence()).isEqualTo(Confidence.HIGH);
  }

  @Test
  void theBytecodeSaysWhatTakesTheBoxes() throws Exception {
    PlantedSite planted = PlantedSite.of("io.heapwise.samples.boxing.MetricsRollup");
    try (ClassFiles samples = ClassFiles.open(List.of(TestEnvironment.samplesClassPath()))) {
      BoxingUses uses = BoxingUses.of(samples, planted.className(), planted.method(), planted.line()).orElseThrow();
      assertThat(uses.consumers()).containsExactly("java.util.Map.put");
      assertThat(uses.unboxes()).isTrue();
      assertThat(uses.describe()).isEqualTo("`Map.put`");
      assertThat(BoxingUses.of(samples, planted.className(), planted.method(), planted.line() - 1).orElseThrow()
          .consumers()).isEmpty();
      assertThat(BoxingUses.of(samples, "com.acme.Missing", "run", 1)).isEmpty();
    }
  }

  @Test
  void coldBoxingIsNotReported() {
    AllocationProfile profile = profile()
        .site("java.lang.Long", "Long.valueOf", MB, 10, "java.lang.Long.valueOf", "com.acme.Stats.add:20")
        .site("byte[]", null, 99 * MB, 200, "com.acme.Io.read:5")
        .build();
    assertThat(analyze(profile).findings()).isEmpty();
  }

  @Test
  void fewSamplesLowerTheConfidence() {
    AllocationProfile profile = profile()
        .site("java.lang.Long", "Long.valueOf", 10 * MB, 5, "java.lang.Long.valueOf", "com.acme.Stats.add:20")
        .site("byte[]", null, 40 * MB, 200, "com.acme.Io.read:5")
        .build();
    Finding finding = only(analyze(profile));
    assertThat(finding.confidence()).isEqualTo(Confidence.MEDIUM);
    assertThat(finding.confidenceNote()).contains("Only 5 samples");
    assertThat(finding.recommendation()).contains("long[]", "LongAdder");
  }

  @Test
  void noAllocationEventsIsSaidNotSilent() {
    Report report = analyze(profile().build());
    assertThat(report.findings()).isEmpty();
    assertThat(report.undecided()).singleElement().asString().startsWith("BOXING: the recording has no");
  }

  private static Report analyze(AllocationProfile profile) {
    return new Analyzer(new Detectors(List.of(new BoxingDetector())))
        .report(profile, AnalysisOptions.defaults());
  }

  private static Finding only(Report report) {
    assertThat(report.findings()).hasSize(1);
    return report.findings().get(0);
  }
}
