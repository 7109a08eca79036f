// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import io.heapwise.analyzer.report.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
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

  /** Renders bytes. */
  @FunctionalInterface
  interface BinaryRendering {
    void writeTo(OutputStream out) throws IOException;
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

  /**
   * Like {@link #write}, for bytes: to standard output only when it is not a terminal, which would show them as
   * garbage.
   *
   * @param format the format's name, for the error
   */
  static void writeBinary(Path output, Terminal terminal, OutputStream stdout, String what, String format,
      BinaryRendering rendering) throws BadInputException {
    if (output == null) {
      if (terminal.interactive()) {
        throw new BadInputException("--format " + format + " writes binary data, not text for a terminal: add -o FILE,"
            + " or redirect standard output to a file");
      }
      try {
        rendering.writeTo(stdout);
        stdout.flush();
      } catch (IOException e) {
        throw new BadInputException("cannot write " + what + " to standard output: " + e.getMessage(), e);
      }
      return;
    }
    try {
      AtomicFiles.writeBytes(output, rendering::writeTo);
    } catch (IOException e) {
      throw new BadInputException(output + ": cannot write " + what + ": " + e.getMessage(), e);
    }
  }
}
