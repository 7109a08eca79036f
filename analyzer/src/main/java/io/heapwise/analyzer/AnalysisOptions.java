// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.analyzer;

import io.heapwise.analyzer.bytecode.ClassFiles;
import io.heapwise.analyzer.detect.Thresholds;
import java.util.List;

/**
 * How to read and summarize recordings.
 *
 * @param topSites how many allocation sites the report lists
 * @param applicationPackages package prefixes whose frames are the application (empty: every frame that is not
 *     the JDK's); a recording made by the agent with {@code include=} supplies its own
 * @param libraryPackages package prefixes to treat like JDK frames (libraries the developer does not change)
 * @param thresholds the detectors' limits, defaults unless overridden
 * @param classFiles the application's class files for bytecode facts, opened and closed by the caller
 * @param progress told how far reading has come, for long recordings
 * @param readerThreads how many chunks are read at once; the report is the same for any number
 * @param graphs whether the report carries what graphical reports draw: the allocation call tree and every
 *     collection (the html, pprof and collapsed formats); it costs a tree of up to 100,000 nodes per reader
 */
public record AnalysisOptions(
    int topSites, List<String> applicationPackages, List<String> libraryPackages, Thresholds thresholds,
    ClassFiles classFiles, ReadProgress progress, int readerThreads, boolean graphs) {

  public static final int DEFAULT_TOP_SITES = 10;

  public AnalysisOptions {
    if (topSites < 1) {
      throw new IllegalArgumentException("topSites must be at least 1, was " + topSites);
    }
    applicationPackages = List.copyOf(applicationPackages);
    libraryPackages = List.copyOf(libraryPackages);
    if (readerThreads < 1) {
      throw new IllegalArgumentException("readerThreads must be at least 1, was " + readerThreads);
    }
  }

  public static AnalysisOptions defaults() {
    return new AnalysisOptions(DEFAULT_TOP_SITES, List.of(), List.of(), Thresholds.DEFAULTS, ClassFiles.NONE,
        ReadProgress.NONE, Runtime.getRuntime().availableProcessors(), false);
  }

  public AnalysisOptions withTopSites(int n) {
    return new AnalysisOptions(n, applicationPackages, libraryPackages, thresholds, classFiles, progress,
        readerThreads, graphs);
  }

  public AnalysisOptions withApplicationPackages(List<String> packages) {
    return new AnalysisOptions(topSites, packages, libraryPackages, thresholds, classFiles, progress, readerThreads,
        graphs);
  }

  public AnalysisOptions withLibraryPackages(List<String> packages) {
    return new AnalysisOptions(topSites, applicationPackages, packages, thresholds, classFiles, progress,
        readerThreads, graphs);
  }

  public AnalysisOptions withThresholds(Thresholds values) {
    return new AnalysisOptions(topSites, applicationPackages, libraryPackages, values, classFiles, progress,
        readerThreads, graphs);
  }

  public AnalysisOptions withClassFiles(ClassFiles files) {
    return new AnalysisOptions(topSites, applicationPackages, libraryPackages, thresholds, files, progress,
        readerThreads, graphs);
  }

  public AnalysisOptions withProgress(ReadProgress listener) {
    return new AnalysisOptions(topSites, applicationPackages, libraryPackages, thresholds, classFiles, listener,
        readerThreads, graphs);
  }

  public AnalysisOptions withReaderThreads(int threads) {
    return new AnalysisOptions(topSites, applicationPackages, libraryPackages, thresholds, classFiles, progress,
        threads, graphs);
  }

  public AnalysisOptions withGraphs(boolean wanted) {
    return new AnalysisOptions(topSites, applicationPackages, libraryPackages, thresholds, classFiles, progress,
        readerThreads, wanted);
  }
}
