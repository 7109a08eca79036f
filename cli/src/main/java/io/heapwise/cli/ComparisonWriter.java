// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import io.heapwise.analyzer.gate.Comparison;
import io.heapwise.analyzer.report.AtomicFiles;
import io.heapwise.cli.render.ComparisonFormat;
import io.heapwise.cli.render.ComparisonRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Where gate and diff write their comparison: standard output, or a file replaced atomically. */
final class ComparisonWriter {

  private ComparisonWriter() {
  }

  static void write(Comparison comparison, String source, boolean verdict, ComparisonFormat format, Path output,
      Terminal terminal, PrintWriter out) throws BadInputException {
    if (output == null) {
      ComparisonRenderer renderer = format.renderer(terminal.colour());
      try {
        renderer.render(comparison, source, verdict, out);
      } catch (IOException e) {
        throw new BadInputException("cannot write to standard output: " + e.getMessage(), e);
      }
      out.flush();
      return;
    }
    ComparisonRenderer renderer = format.renderer(false);
    try {
      AtomicFiles.writeText(output, w -> renderer.render(comparison, source, verdict, w));
    } catch (IOException e) {
      throw new BadInputException(output + ": cannot write: " + e.getMessage(), e);
    }
  }
}
