// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.heapwise.analyzer.AnalysisOptions;
import io.heapwise.analyzer.Analyzer;
import io.heapwise.analyzer.bytecode.ClassFiles;
import io.heapwise.analyzer.finding.Finding;
import io.heapwise.analyzer.finding.FindingKind;
import io.heapwise.analyzer.model.Frame;
import io.heapwise.analyzer.model.TestProfiles;
import io.heapwise.analyzer.report.Report;
import io.heapwise.analyzer.testing.TestEnvironment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rule between POOLING_CANDIDATE and HOT_SHORT_LIVED: the buffer's size decides, and an unknown size gets
 * neither. Uses the pooling sample's class file, where {@code new byte[64 * 1024]} is a constant length.
 */
class OneAdvicePerLineTest {

  private static final Frame BUFFER_LINE =
      new Frame("io.heapwise.samples.pooling.RequestHandlerLoop", "handle", 44, -1, true);
  private static final Frame SPLIT_LINE = TestProfiles.line("parse", 20);
  private static final long MB = 1024 * 1024;

  private static Report analyze(Map<String, Double> thresholds, ClassFiles classFiles) {
    TestProfiles profile = TestProfiles.profile()
        .site("byte[]", BUFFER_LINE, null, 900 * MB, 0)
        .site("java.lang.String", SPLIT_LINE, "String.split", 60 * MB, 0)
        .site("byte[]", SPLIT_LINE, "String.split", 40 * MB, 0)
        .collections(30, 30 * MB, 1_000).oldObjectSamples(5);
    Analyzer analyzer = new Analyzer(new Detectors(List.of(new HotShortLivedDetector(),
        new PoolingCandidateDetector())));
    return analyzer.report(profile.build(), AnalysisOptions.defaults().withClassFiles(classFiles)
        .withThresholds(new Thresholds(thresholds)));
  }

  private static FindingKind kindAt(Report report, Frame line) {
    return report.findings().stream().filter(f -> line.line() == f.site().line()).map(Finding::kind)
        .reduce((a, b) -> { throw new AssertionError("two findings at one line: " + a + ", " + b); })
        .orElse(null);
  }

  @Test
  void aLargeBufferIsAPoolingCandidateAndTheSplitLineHotShortLived() throws Exception {
    try (ClassFiles classFiles = ClassFiles.open(List.of(TestEnvironment.samplesClassPath()))) {
      Report report = analyze(Map.of(), classFiles);
      assertThat(kindAt(report, BUFFER_LINE)).isEqualTo(FindingKind.POOLING_CANDIDATE);
      assertThat(kindAt(report, SPLIT_LINE)).isEqualTo(FindingKind.HOT_SHORT_LIVED);
    }
  }

  @Test
  void aBufferUnderTheSizeThresholdGetsHotShortLivedAdviceNotAPool() throws Exception {
    try (ClassFiles classFiles = ClassFiles.open(List.of(TestEnvironment.samplesClassPath()))) {
      Report report = analyze(Map.of(PoolingCandidateDetector.MIN_BUFFER_BYTES.key(), 128.0 * 1024), classFiles);
      assertThat(kindAt(report, BUFFER_LINE)).isEqualTo(FindingKind.HOT_SHORT_LIVED);
      assertThat(report.findings()).filteredOn(f -> f.kind() == FindingKind.HOT_SHORT_LIVED)
          .allSatisfy(f -> assertThat(f.recommendation()).contains("Do not pool"));
    }
  }

  @Test
  void aBufferOfUnknownSizeGetsNeitherAndBothSaySo() {
    Report report = analyze(Map.of(), ClassFiles.NONE);
    assertThat(kindAt(report, BUFFER_LINE)).isNull();
    assertThat(kindAt(report, SPLIT_LINE)).isEqualTo(FindingKind.HOT_SHORT_LIVED);
    assertThat(report.undecided()).anySatisfy(line -> assertThat(line).startsWith("POOLING_CANDIDATE: byte[] at"))
        .anySatisfy(line -> assertThat(line).startsWith("HOT_SHORT_LIVED: byte[] at"));
  }

  @Test
  void aDirectBufferIsAPoolingCandidateWhateverItsHeapSize() {
    Frame directLine = TestProfiles.line("read", 70);
    TestProfiles profile = TestProfiles.profile()
        .site("java.nio.DirectByteBuffer", directLine, "ByteBuffer.allocateDirect", 50 * MB, 0)
        .site("java.lang.String", SPLIT_LINE, "String.split", 500 * MB, 0)
        .collections(30, 30 * MB, 1_000).oldObjectSamples(5);
    Report report = new Analyzer(new Detectors(List.of(new HotShortLivedDetector(), new PoolingCandidateDetector())))
        .report(profile.build(), AnalysisOptions.defaults());
    assertThat(kindAt(report, directLine)).isEqualTo(FindingKind.POOLING_CANDIDATE);
    assertThat(report.findings()).filteredOn(f -> f.kind() == FindingKind.POOLING_CANDIDATE).singleElement()
        .satisfies(f -> assertThat(f.recommendation()).contains("Service.java:70", "allocateDirect", "Cleaner"));
    assertThat(report.undecided()).isEmpty();
  }
}
