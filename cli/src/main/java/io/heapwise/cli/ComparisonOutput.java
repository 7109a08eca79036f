// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import io.heapwise.analyzer.gate.Comparison;
import io.heapwise.cli.render.ComparisonFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --format} and {@code --output} of gate and diff, and the writing they ask for. */
final class ComparisonOutput {

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Output format: text (a terminal or a CI log), markdown (a step summary or a pull-request "
          + "comment), junit (JUnit XML, one test case per site: a CI's test report) or sarif (SARIF 2.1.0, "
          + "for code scanning). Default: ${DEFAULT-VALUE}.")
  ComparisonFormat format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the result to FILE (replaced atomically) instead of standard output.")
  Path output;

  /** Fails before the recordings are read rather than after. */
  void check() throws BadInputException {
    ReportPipeline.checkOutputDirectory(output);
  }

  /**
   * @param source what was compared, for the header
   * @param verdict whether this is a gate (pass or fail) or a diff
   */
  void write(Comparison comparison, String source, boolean verdict, Terminal terminal, PrintWriter out)
      throws BadInputException {
    RenderedOutput.write(output, terminal, out, "the result",
        (writer, colour) -> format.renderer(colour).render(comparison, source, verdict, writer));
  }
}
