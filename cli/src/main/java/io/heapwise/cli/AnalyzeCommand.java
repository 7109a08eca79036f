// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import io.heapwise.analyzer.AnalysisOptions;
import io.heapwise.analyzer.UnreadableRecordingException;
import io.heapwise.analyzer.bytecode.ClassFiles;
import java.io.IOException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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
        "  heapwise analyze app.jfr --format json | jq '.findings[].id'"
    })
final class AnalyzeCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @ParentCommand
  private HeapwiseCli cli;

  @Parameters(arity = "1..*", paramLabel = "FILE.jfr", description = "The recordings to analyze.")
  private List<Path> recordings;

  @Option(names = "--classpath", paramLabel = "PATH",
      description = "The application's class path (jars and directories, separated by '" + "${sys:path.separator}"
          + "'), used for bytecode facts such as whether an object escapes its method, when the recording has no "
          + "heapwise.* events. Each entry must exist.")
  private String classpath;

  @Option(names = "--app-package", paramLabel = "PKG",
      description = "A package prefix of your application (repeatable); its frames are where sites are attributed. "
          + "Default: every frame that is not the JDK's.")
  private List<String> appPackages = new ArrayList<>();

  @Option(names = "--library-package", paramLabel = "PKG",
      description = "A package prefix to treat like the JDK (repeatable): libraries you do not change, so sites "
          + "are attributed to your code that calls them.")
  private List<String> libraryPackages = new ArrayList<>();

  @Mixin
  private OutputOptions output;

  @Override
  public Integer call() throws UnreadableRecordingException, BadInputException {
    AnalysisOptions options = output.analysisOptions()
        .withApplicationPackages(appPackages)
        .withLibraryPackages(libraryPackages);
    try (ClassFiles classFiles = openClassFiles(classpathEntries(classpath))) {
      new ReportPipeline(cli.terminal(), spec.commandLine().getOut(), spec.commandLine().getErr())
          .run(recordings, options.withClassFiles(classFiles), output);
    } catch (IOException e) {
      // Only closing the class path's jars can get here: the report is written by then.
      spec.commandLine().getErr().println("heapwise: warning: " + HeapwiseCli.oneLine(e.getMessage()));
    }
    return ExitCodes.OK;
  }

  private static ClassFiles openClassFiles(List<Path> entries) throws BadInputException {
    try {
      return entries.isEmpty() ? ClassFiles.NONE : ClassFiles.open(entries);
    } catch (IOException e) {
      throw new BadInputException("--classpath: " + e.getMessage(), e);
    }
  }

  static List<Path> classpathEntries(String classpath) throws BadInputException {
    if (classpath == null) {
      return List.of();
    }
    List<Path> entries = new ArrayList<>();
    for (String entry : classpath.split(File.pathSeparator)) {
      if (entry.isEmpty()) {
        continue;
      }
      Path path = Path.of(entry);
      if (!Files.exists(path)) {
        throw new BadInputException("--classpath entry " + entry + ": no such file or directory");
      }
      entries.add(path);
    }
    return List.copyOf(entries);
  }
}
