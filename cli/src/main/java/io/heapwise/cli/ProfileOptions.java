// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.cli;

import io.heapwise.analyzer.AnalysisOptions;
import io.heapwise.analyzer.UnreadableRecordingException;
import io.heapwise.analyzer.bytecode.ClassFiles;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** How recordings are read into a profile: the application's packages and class path. */
final class ProfileOptions {

  @Option(names = "--classpath", paramLabel = "PATH",
      description = "The application's class path (jars and directories, separated by '" + "${sys:path.separator}"
          + "'), used for bytecode facts such as whether an object escapes its method, when the recording has no "
          + "heapwise.* events. Each entry must exist.")
  String classpath;

  @Option(names = "--app-package", paramLabel = "PKG",
      description = "A package prefix of your application (repeatable); its frames are where sites are attributed. "
          + "Default: every frame that is not the JDK's.")
  List<String> appPackages = new ArrayList<>();

  @Option(names = "--library-package", paramLabel = "PKG",
      description = "A package prefix to treat like the JDK (repeatable): libraries you do not change, so sites "
          + "are attributed to your code that calls them.")
  List<String> libraryPackages = new ArrayList<>();

  AnalysisOptions applyTo(AnalysisOptions options) {
    return options.withApplicationPackages(appPackages).withLibraryPackages(libraryPackages);
  }

  /** The class path's class files, opened; the caller closes them. */
  ClassFiles openClassFiles() throws BadInputException {
    List<Path> entries = classpathEntries(classpath);
    try {
      return entries.isEmpty() ? ClassFiles.NONE : ClassFiles.open(entries);
    } catch (IOException e) {
      throw new BadInputException("--classpath: " + e.getMessage(), e);
    }
  }

  /** What reads recordings with these options, class files included. */
  @FunctionalInterface
  interface Reading<T> {
    T read(AnalysisOptions options) throws BadInputException, UnreadableRecordingException;
  }

  /**
   * Runs {@code reading} with {@code options} and the class path's class files, open for its duration; a failure to
   * close them (the result is complete by then) is a warning on {@code err}.
   */
  <T> T read(AnalysisOptions options, PrintWriter err, Reading<T> reading)
      throws BadInputException, UnreadableRecordingException {
    ClassFiles classFiles = openClassFiles();
    try {
      return reading.read(applyTo(options).withClassFiles(classFiles));
    } finally {
      try {
        classFiles.close();
      } catch (IOException e) {
        err.println("heapwise: warning: " + HeapwiseCli.oneLine(e.getMessage()));
      }
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
