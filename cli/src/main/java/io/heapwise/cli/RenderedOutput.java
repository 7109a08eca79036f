// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import io.heapwise.analyzer.report.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;

/**
 * Where a command's rendered output goes: standard output, in colour when that is a terminal, or {@code --output},
 * a file replaced atomically and never coloured.
 */
final class RenderedOutput {

  /** Renders onto {@code out}, in colour or not. */
  @FunctionalInterface
  interface Rendering {
    void writeTo(Writer out, boolean colour) throws IOException;
  }

  private RenderedOutput() {
  }

  /**
   * @param output the file, or {@code null} for standard output
   * @param what what is written, for the error, e.g. {@code the report}
   */
  static void write(Path output, Terminal terminal, PrintWriter out, String what, Rendering rendering)
      throws BadInputException {
    if (output == null) {
      try {
        rendering.writeTo(out, terminal.colour());
      } catch (IOException e) {
        throw new BadInputException("cannot write " + what + " to standard output: " + e.getMessage(), e);
      }
      out.flush();
      return;
    }
    try {
      AtomicFiles.writeText(output, w -> rendering.writeTo(w, false));
    } catch (IOException e) {
      throw new BadInputException(output + ": cannot write " + what + ": " + e.getMessage(), e);
    }
  }
}
