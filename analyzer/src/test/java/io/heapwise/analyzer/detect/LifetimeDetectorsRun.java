// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

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
import java.util.Set;

/**
 * A sample recorded with the JDK's {@code profile} settings on a small heap (so that a few seconds see many young
 * collections), analyzed by the lifetime detectors with and without the samples' class files.
 */
record LifetimeDetectorsRun(SampleRecording recording, Report withClassFiles, Report withoutClassFiles) {

  static final Set<FindingKind> KINDS =
      Set.of(FindingKind.HOT_SHORT_LIVED, FindingKind.POOLING_CANDIDATE, FindingKind.THREAD_CHURN);

  static LifetimeDetectorsRun of(String mainClass, String testName) throws Exception {
    Path dir = TestEnvironment.workDir(testName);
    SampleRecording recording = SampleRecording.withJdkSettings(mainClass, "profile", 3.5, dir, "-Xmx64m",
        "-XX:+UseG1GC");
    Analyzer analyzer = new Analyzer(new Detectors(List.of(
        new HotShortLivedDetector(), new PoolingCandidateDetector(), new ThreadChurnDetector())));
    Report with;
    try (ClassFiles classFiles = ClassFiles.open(List.of(TestEnvironment.samplesClassPath()))) {
      with = analyzer.analyze(List.of(recording.jfr()), AnalysisOptions.defaults().withClassFiles(classFiles));
    }
    Report without = analyzer.analyze(List.of(recording.jfr()), AnalysisOptions.defaults());
    return new LifetimeDetectorsRun(recording, with, without);
  }

  static List<Finding> ofKind(Report report, FindingKind kind) {
    return report.findings().stream().filter(f -> f.kind() == kind).toList();
  }

  /** The findings of any of the three kinds at the planted line. */
  static List<Finding> atLine(Report report, PlantedSite planted) {
    return report.findings().stream()
        .filter(f -> KINDS.contains(f.kind()))
        .filter(f -> planted.className().equals(f.site().className()) && planted.method().equals(f.site().method())
            && Integer.valueOf(planted.line()).equals(f.site().line()))
        .toList();
  }
}
