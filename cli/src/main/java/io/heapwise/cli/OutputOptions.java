// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import io.heapwise.analyzer.AnalysisOptions;
import io.heapwise.analyzer.detect.Detectors;
import io.heapwise.analyzer.detect.Thresholds;
import io.heapwise.cli.render.Format;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --top}, {@code --threshold}, {@code --format}, {@code --output}, {@code --open} and {@code --sources}: every
 * command that prints a report.
 */
final class OutputOptions {

  @Option(names = "--top", paramLabel = "N", defaultValue = "" + AnalysisOptions.DEFAULT_TOP_SITES,
      description = "How many allocation sites to list (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--threshold", paramLabel = "KEY=VALUE",
      description = "Override a detector's limit (repeatable), e.g. detect.min-site-share=0.05; an unknown key "
          + "lists the known ones.")
  Map<String, Double> thresholds = new LinkedHashMap<>();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Report format: text, json, html (one self-contained page: findings with their source lines, an "
          + "allocation flame graph, the GC timeline), collapsed (folded stacks with sampled bytes, for "
          + "flamegraph.pl) or pprof (gzipped profile.proto for go tool pprof, Pyroscope, Parca; needs -o or a "
          + "redirect) (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the report to FILE (replaced atomically) instead of standard output.")
  Path output;

  @Option(names = "--open",
      description = "Write the HTML report to a temporary file (or to -o FILE) and print its path.")
  boolean open;

  @Option(names = "--browse",
      description = "As --open, then open the page in the desktop's web browser.")
  boolean browse;

  @Option(names = "--sources", paramLabel = "DIR",
      description = "Where the HTML report finds the source lines of its findings (repeatable; folders or source "
          + "jars). Sources next to --classpath entries (src/main/java beside target/classes, X-sources.jar "
          + "beside X.jar) are found without it.")
  List<Path> sources = new ArrayList<>();

  /** Where the report is read: standard output for text, so hints may follow it there. */
  boolean reportIsTextOnStdout() {
    return output == null && !opens() && format == Format.TEXT;
  }

  /** Whether the report is written as a page to open: {@code --open} or {@code --browse}. */
  boolean opens() {
    return open || browse;
  }

  /** The format written: {@code --open} makes the default text an HTML page. */
  Format effectiveFormat() {
    return opens() ? Format.HTML : format;
  }

  /** The analysis options these output options ask for, checked before any long work starts. */
  AnalysisOptions analysisOptions() throws BadInputException {
    if (top < 1) {
      throw new BadInputException("--top must be at least 1, was " + top);
    }
    if (opens() && format != Format.TEXT && format != Format.HTML) {
      throw new BadInputException((browse ? "--browse" : "--open") + " writes the HTML report, not "
          + format.name().toLowerCase(Locale.ROOT) + ": drop --format, or use -o FILE without --open");
    }
    for (Path root : sources) {
      if (!Files.exists(root)) {
        throw new BadInputException("--sources " + root + ": no such directory or jar");
      }
    }
    ReportPipeline.checkOutputDirectory(output);
    Thresholds values;
    try {
      values = Detectors.all().thresholds(thresholds);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--threshold: " + e.getMessage(), e);
    }
    return AnalysisOptions.defaults().withTopSites(top).withThresholds(values)
        .withGraphs(effectiveFormat().needsGraphs());
  }
}
