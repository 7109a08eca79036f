// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import io.heapwise.analyzer.AnalysisOptions;
import io.heapwise.analyzer.UnreadableRecordingException;
import io.heapwise.analyzer.bytecode.ClassFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code heapwise analyze}: a report from JFR recordings made by Heapwise or by anything else. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Analyzes JFR recordings (JDK 11 or newer) and reports the GC cost, the top allocation sites and what to "
            + "change. Works on recordings made by heapwise record, -XX:StartFlightRecording, jcmd JFR.dump or "
            + "async-profiler; several files are analyzed together as one profile."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  heapwise analyze app.jfr",
        "  heapwise analyze app.jfr --top 25 --app-package com.acme",
        "  heapwise analyze app.jfr --format json --output report.json",
        "  heapwise analyze app.jfr --classpath target/classes:target/lib/guava.jar",
        "  heapwise analyze app.jfr --format json | jq '.findings[].id'",
        "  heapwise analyze app.jfr --open --classpath target/classes",
        "  heapwise analyze app.jfr --format pprof -o app.pb.gz && go tool pprof -http=: app.pb.gz"
    })
final class AnalyzeCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @ParentCommand
  private HeapwiseCli cli;

  @Parameters(arity = "1..*", paramLabel = "FILE.jfr", description = "The recordings to analyze.")
  private List<Path> recordings;

  @Mixin
  private ProfileOptions profile;

  @Mixin
  private OutputOptions output;

  @Override
  public Integer call() throws UnreadableRecordingException, BadInputException {
    AnalysisOptions options = profile.applyTo(output.analysisOptions());
    try (ClassFiles classFiles = profile.openClassFiles()) {
      new ReportPipeline(cli.terminal(), spec.commandLine().getOut(), spec.commandLine().getErr())
          .run(recordings, options.withClassFiles(classFiles), output,
              ProfileOptions.classpathEntries(profile.classpath));
    } catch (IOException e) {
      // Only closing the class path's jars can get here: the report is written by then.
      spec.commandLine().getErr().println("heapwise: warning: " + HeapwiseCli.oneLine(e.getMessage()));
    }
    return ExitCodes.OK;
  }
}
