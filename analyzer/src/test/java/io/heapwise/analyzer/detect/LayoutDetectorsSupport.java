// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer.detect;

import io.heapwise.analyzer.AnalysisOptions;
import io.heapwise.analyzer.Analyzer;
import io.heapwise.analyzer.bytecode.ClassFiles;
import io.heapwise.analyzer.finding.Finding;
import io.heapwise.analyzer.finding.FindingKind;
import io.heapwise.analyzer.report.Report;
import java.nio.file.Path;
import java.util.List;

/** Analyzes a recording with only the layout detectors, with and without the samples' class files. */
final class LayoutDetectorsSupport {

  private LayoutDetectorsSupport() {
  }

  static Report analyze(Path jfr, ClassFiles classFiles) throws Exception {
    Analyzer analyzer = new Analyzer(new Detectors(List.of(new PointerHeavyClassDetector(),
        new LargeArrayDetector())));
    return analyzer.analyze(List.of(jfr), AnalysisOptions.defaults().withClassFiles(classFiles));
  }

  static List<Finding> of(Report report, FindingKind kind) {
    return report.findings().stream().filter(f -> f.kind() == kind).toList();
  }
}
