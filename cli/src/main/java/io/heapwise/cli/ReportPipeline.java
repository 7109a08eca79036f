// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import io.heapwise.analyzer.AnalysisOptions;
import io.heapwise.analyzer.Analyzer;
import io.heapwise.analyzer.UnreadableRecordingException;
import io.heapwise.analyzer.bytecode.ClassFiles;
import io.heapwise.analyzer.report.Report;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Recordings in, rendered report out: the part that analyze, record and demo share. */
final class ReportPipeline {

  private final Terminal terminal;
  private final PrintWriter out;
  private final PrintWriter err;

  ReportPipeline(Terminal terminal, PrintWriter out, PrintWriter err) {
    this.terminal = terminal;
    this.out = out;
    this.err = err;
  }

  Report run(List<Path> recordings, AnalysisOptions options, OutputOptions output)
      throws UnreadableRecordingException, BadInputException {
    Report report;
    try (TerminalProgress progress = new TerminalProgress(err, terminal.interactive())) {
      report = new Analyzer().analyze(recordings, options.withProgress(progress));
    }
    // The report lists them too, but a report written to a file or piped to jq is not where people look.
    for (String problem : report.recording().problems()) {
      err.println("heapwise: warning: " + HeapwiseCli.oneLine(problem));
    }
    err.flush();
    write(report, output);
    return report;
  }

  private void write(Report report, OutputOptions output) throws BadInputException {
    RenderedOutput.write(output.output, terminal, out, "the report",
        (writer, colour) -> output.format.renderer(colour).render(report, writer));
  }

  /**
   * Like {@link #run}, with bytecode facts from a class path the user did not name explicitly (taken from the
   * command that was run): when it cannot be opened the analysis goes on without them, and says so.
   */
  Report runWithClassPath(List<Path> recordings, List<Path> classPath, AnalysisOptions options,
      OutputOptions output) throws UnreadableRecordingException, BadInputException, IOException {
    try (ClassFiles classFiles = classFilesOrNone(classPath)) {
      return run(recordings, options.withClassFiles(classFiles), output);
    }
  }

  private ClassFiles classFilesOrNone(List<Path> entries) {
    if (entries.isEmpty()) {
      return ClassFiles.NONE;
    }
    try {
      return ClassFiles.open(entries);
    } catch (IOException e) {
      err.println("heapwise: warning: the application's class path cannot be read (" + HeapwiseCli.oneLine(
          e.getMessage()) + "); findings that need bytecode will say what they could not check");
      return ClassFiles.NONE;
    }
  }

  /** Fails before a long analysis rather than after it. */
  static void checkOutputDirectory(Path output) throws BadInputException {
    if (output == null) {
      return;
    }
    Path dir = output.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new BadInputException(output + ": cannot write the report: directory " + dir + " does not exist");
    }
    if (Files.isDirectory(output)) {
      throw new BadInputException(output + ": cannot write the report: it is a directory");
    }
  }
}
