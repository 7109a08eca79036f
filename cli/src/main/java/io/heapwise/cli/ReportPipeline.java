// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import io.heapwise.analyzer.AnalysisOptions;
import io.heapwise.analyzer.Analyzer;
import io.heapwise.analyzer.UnreadableRecordingException;
import io.heapwise.analyzer.bytecode.ClassFiles;
import io.heapwise.analyzer.read.ReaderCompilation;
import io.heapwise.analyzer.report.Report;
import io.heapwise.cli.render.Format;
import io.heapwise.cli.render.SourceSnippets;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

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

  /** @param classPath the application's, beside which the HTML report looks for sources too */
  Report run(List<Path> recordings, AnalysisOptions options, OutputOptions output, List<Path> classPath)
      throws UnreadableRecordingException, BadInputException {
    if (ReaderCompilation.worthwhileFor(recordings)) {
      // Usually done already, in main; not for a recording made by this command.
      ReaderCompilation.installInBackground();
    }
    Report report;
    try (TerminalProgress progress = new TerminalProgress(err, terminal.interactive())) {
      report = new Analyzer().analyze(recordings, options.withProgress(progress));
    }
    // The report lists them too, but a report written to a file or piped to jq is not where people look.
    for (String problem : report.recording().problems()) {
      err.println("heapwise: warning: " + HeapwiseCli.oneLine(problem));
    }
    err.flush();
    write(report, output, classPath);
    return report;
  }

  private void write(Report report, OutputOptions output, List<Path> classPath) throws BadInputException {
    Format format = output.effectiveFormat();
    Path target = output.opens() && output.output == null ? temporaryPage() : output.output;
    if (format.binary()) {
      RenderedOutput.writeBinary(target, terminal, System.out, "the report", format.name().toLowerCase(Locale.ROOT),
          stream -> format.binaryRenderer().render(report, stream));
    } else {
      SourceSnippets sources = format == Format.HTML ? SourceSnippets.of(SourceRoots.of(output.sources, classPath))
          : SourceSnippets.NONE;
      RenderedOutput.write(target, terminal, out, "the report",
          (writer, colour) -> format.renderer(colour, sources).render(report, writer));
    }
    if (output.opens()) {
      // The path alone, so that scripts can take it: xdg-open "$(heapwise analyze --open app.jfr)".
      out.println(target.toAbsolutePath());
      out.flush();
      if (output.browse) {
        Browser.open(target, err);
      }
    }
  }

  private static Path temporaryPage() throws BadInputException {
    try {
      return Files.createTempFile("heapwise-report-", ".html");
    } catch (IOException e) {
      throw new BadInputException("cannot create a temporary file for the HTML report (" + e.getMessage()
          + "); write it with --format html -o FILE", e);
    }
  }

  /**
   * Like {@link #run}, with bytecode facts from a class path the user did not name explicitly (taken from the
   * command that was run): when it cannot be opened the analysis goes on without them, and says so.
   */
  Report runWithClassPath(List<Path> recordings, List<Path> classPath, AnalysisOptions options,
      OutputOptions output) throws UnreadableRecordingException, BadInputException, IOException {
    try (ClassFiles classFiles = classFilesOrNone(classPath)) {
      return run(recordings, options.withClassFiles(classFiles), output, classPath);
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
