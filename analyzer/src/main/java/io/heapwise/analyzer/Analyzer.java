// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer;

import io.heapwise.analyzer.report.Report;
import java.nio.file.Path;
import java.util.List;

/** Reads recordings, builds the allocation model, runs the detectors and returns the report. */
public final class Analyzer {

  /**
   * Analyzes the recordings together, as one profile.
   *
   * @throws UnreadableRecordingException when a file yields nothing at all (missing, empty, not JFR, truncated
   *     before its first readable chunk); damaged files that yield some events are analyzed and their problems
   *     are listed in {@code report.recording().problems()}
   */
  public Report analyze(List<Path> recordings, AnalysisOptions options) throws UnreadableRecordingException {
    throw new UnsupportedOperationException("being written");
  }
}
