// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import io.heapwise.analyzer.AnalysisOptions;
import io.heapwise.analyzer.detect.Detectors;
import io.heapwise.analyzer.detect.Thresholds;
import io.heapwise.cli.render.Format;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --top}, {@code --threshold}, {@code --format} and {@code --output}: every command that prints a report. */
final class OutputOptions {

  @Option(names = "--top", paramLabel = "N", defaultValue = "" + AnalysisOptions.DEFAULT_TOP_SITES,
      description = "How many allocation sites to list (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--threshold", paramLabel = "KEY=VALUE",
      description = "Override a detector's limit (repeatable), e.g. detect.min-site-share=0.05; an unknown key "
          + "lists the known ones.")
  Map<String, Double> thresholds = new LinkedHashMap<>();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Report format: text or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the report to FILE (replaced atomically) instead of standard output.")
  Path output;

  /** Where the report is read: standard output for text, so hints may follow it there. */
  boolean reportIsTextOnStdout() {
    return output == null && format == Format.TEXT;
  }

  /** The analysis options these output options ask for, checked before any long work starts. */
  AnalysisOptions analysisOptions() throws BadInputException {
    if (top < 1) {
      throw new BadInputException("--top must be at least 1, was " + top);
    }
    ReportPipeline.checkOutputDirectory(output);
    Thresholds values;
    try {
      values = Detectors.all().thresholds(thresholds);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--threshold: " + e.getMessage(), e);
    }
    return AnalysisOptions.defaults().withTopSites(top).withThresholds(values);
  }
}
