// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import io.heapwise.analyzer.gate.Comparison;
import io.heapwise.cli.render.ComparisonFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --format}, {@code --output} and {@code --also-write} of gate and diff, and the writing they ask for. */
final class ComparisonOutput {

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Output format: text (a terminal or a CI log), markdown (a step summary or a pull-request "
          + "comment), junit (JUnit XML, one test case per site: a CI's test report) or sarif (SARIF 2.1.0, "
          + "for code scanning). Default: ${DEFAULT-VALUE}.")
  ComparisonFormat format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the result to FILE (replaced atomically) instead of standard output.")
  Path output;

  // One comparison, several readers: a CI job wants the verdict in its log, a summary, a test report and code
  // scanning, and reading the recordings once per format would multiply the gate's time.
  @Option(names = "--also-write", paramLabel = "FORMAT=FILE",
      description = "Also write the result in FORMAT to FILE (replaced atomically); repeatable, e.g. "
          + "--also-write markdown=\"$GITHUB_STEP_SUMMARY\" --also-write sarif=heapwise.sarif "
          + "--also-write junit=TEST-heapwise.xml")
  Map<ComparisonFormat, Path> alsoWrite = new LinkedHashMap<>();

  /** Fails before the recordings are read rather than after. */
  void check() throws BadInputException {
    ReportPipeline.checkOutputDirectory(output);
    for (Path extra : alsoWrite.values()) {
      ReportPipeline.checkOutputDirectory(extra);
    }
  }

  /**
   * @param source what was compared, for the header
   * @param verdict whether this is a gate (pass or fail) or a diff
   */
  void write(Comparison comparison, String source, boolean verdict, Terminal terminal, PrintWriter out)
      throws BadInputException {
    for (Map.Entry<ComparisonFormat, Path> extra : alsoWrite.entrySet()) {
      RenderedOutput.write(extra.getValue(), terminal, out, "the result",
          (writer, colour) -> extra.getKey().renderer(false).render(comparison, source, verdict, writer));
    }
    RenderedOutput.write(output, terminal, out, "the result",
        (writer, colour) -> format.renderer(colour).render(comparison, source, verdict, writer));
  }
}
